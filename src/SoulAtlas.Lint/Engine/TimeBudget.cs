using System;
using System.Collections.Generic;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// One file's time budget for its rules, on the host's clock: once it is spent, the rule running
/// stops at its next section and the rules after it are skipped, and one resource-limit diagnostic
/// names both. Without a clock nothing is ever out of time.
/// </summary>
internal sealed class TimeBudget
{
    private readonly Func<TimeSpan>? _clock;
    private readonly int _milliseconds;
    private readonly TimeSpan _started;
    private readonly List<string> _skipped = new();
    private string? _cutShort;
    private bool _spent;

    public TimeBudget(Func<TimeSpan>? clock, int milliseconds)
    {
        _clock = clock;
        _milliseconds = milliseconds;
        _started = clock?.Invoke() ?? TimeSpan.Zero;
        Deadline = clock is null ? null : IsSpent;
    }

    /// <summary>What a rule asks to learn whether to stop; null without a clock.</summary>
    public Func<bool>? Deadline { get; }

    /// <summary>Whether <paramref name="rule"/> is skipped because the budget is spent (and notes it).</summary>
    public bool Skip(RuleDescriptor rule)
    {
        if (!IsSpent())
        {
            return false;
        }

        _skipped.Add(rule.Name);
        return true;
    }

    /// <summary>Notes that <paramref name="rule"/> ran; if the budget ran out meanwhile, it may not have finished.</summary>
    public void Ran(RuleDescriptor rule)
    {
        if (_cutShort is null && IsSpent())
        {
            _cutShort = rule.Name;
        }
    }

    /// <summary>The diagnostic's message, or null when the budget held.</summary>
    public string? Report()
    {
        if (_cutShort is null && _skipped.Count == 0)
        {
            return null;
        }

        var stopped = _cutShort is null ? string.Empty : $"; {_cutShort} stopped early";
        var skipped = _skipped.Count == 0 ? string.Empty : $"; not run: {string.Join(", ", _skipped)}";
        return $"checking this file took longer than its time budget of {_milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms (limits.maxCheckMilliseconds){stopped}{skipped}";
    }

    private bool IsSpent()
    {
        if (!_spent && _clock is not null && (_clock() - _started).TotalMilliseconds > _milliseconds)
        {
            _spent = true;
        }

        return _spent;
    }
}
