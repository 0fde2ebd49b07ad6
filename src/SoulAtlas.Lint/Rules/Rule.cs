using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Rules;

/// <summary>
/// A rule: its descriptor and one check over a parsed document, with the corpus index and the
/// recomputed metadata at hand. A check reports a target (a range, or a JSON token) and a message;
/// the engine turns targets into locations and applies severities.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract void Check(RuleContext context);
}

/// <summary>A finding before the engine has resolved its location and severity.</summary>
public sealed record Finding(RuleDescriptor Rule, SourceRange Range, string Message, Severity? Severity, IReadOnlyList<TextEdit>? Fix = null);

public sealed class RuleContext
{
    private readonly List<Finding> _sink;
    private readonly DependencyLog? _dependencies;

    internal RuleContext(OccupationDocument document, CorpusIndex corpus, ContentContract contract, ComputedMetadata computed, LintSettings settings, RuleCaches caches, List<Finding> sink, DependencyLog? dependencies = null)
    {
        _dependencies = dependencies;
        Document = document;
        Corpus = corpus;
        Contract = contract;
        Computed = computed;
        Settings = settings;
        Caches = caches;
        _sink = sink;
    }

    public OccupationDocument Document { get; }

    public CorpusIndex Corpus { get; }

    public ContentContract Contract { get; }

    public ComputedMetadata Computed { get; }

    public LintSettings Settings { get; }

    /// <summary>What the engine keeps between runs for the rules (compiled schemas, parsers).</summary>
    public RuleCaches Caches { get; }

    internal RuleDescriptor? Current { get; set; }

    /// <summary>
    /// The settings' today when <paramref name="date"/> is after it, else null (and null when the
    /// host gave no today). Rules ask this rather than read <see cref="LintSettings.Today"/>: a
    /// result that only learnt a date is in the past stays right tomorrow, which the result cache
    /// relies on.
    /// </summary>
    public DateTime? AfterToday(DateTime date)
    {
        _dependencies?.Add(DependencyKind.Today, date.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return AfterToday(date, Settings.Today);
    }

    /// <summary>What <see cref="AfterToday(DateTime)"/> answers when today is <paramref name="today"/>.</summary>
    internal static DateTime? AfterToday(DateTime date, DateTime? today) =>
        today?.Date is { } day && date > day ? day : null;

    public void Report(SourceRange range, string message, Severity? severity = null) =>
        _sink.Add(new Finding(Current ?? throw new InvalidOperationException("no rule is running"), range, message, severity));

    /// <summary>Reports a finding of another rule than the one running (a limit met while checking).</summary>
    internal void Report(RuleDescriptor rule, SourceRange range, string message) =>
        _sink.Add(new Finding(rule, range, message, null));

    /// <summary>Reports with an edit that repairs the problem (applied by <c>--fix</c>).</summary>
    public void Report(SourceRange range, string message, TextEdit? fix) =>
        _sink.Add(new Finding(Current ?? throw new InvalidOperationException("no rule is running"), range, message, null, fix is { } edit ? new[] { edit } : null));

    /// <summary>Reports at a JSON value (or its nearest located ancestor, or the document anchor).</summary>
    public void Report(JToken? token, string message) => Report(JsonLocations.RangeOf(token) ?? Document.AnchorRange, message);

    /// <summary>Reports at a JSON value, with an edit that repairs it.</summary>
    public void Report(JToken? token, string message, TextEdit? fix) => Report(JsonLocations.RangeOf(token) ?? Document.AnchorRange, message, fix);

    /// <summary>Reports at the key that names a JSON value.</summary>
    public void ReportKey(JToken? token, string message) => Report(JsonLocations.KeyRangeOf(token) ?? Document.AnchorRange, message);

    /// <summary>Reports at the key that names a JSON value, with an edit that repairs it.</summary>
    public void ReportKey(JToken? token, string message, TextEdit? fix) => Report(JsonLocations.KeyRangeOf(token) ?? Document.AnchorRange, message, fix);
}

/// <summary>
/// Quoting for messages: values are shown in JSON-style double quotes. A value longer than
/// <see cref="MaxShown"/> characters is shown by its beginning and end and its length, so that
/// a message (and every report that carries it) stays small whatever the content holds.
/// </summary>
internal static class Quote
{
    internal const int MaxShown = 200;

    public static string Q(string? value) => value is null ? "null" : "\"" + Shorten(value) + "\"";

    internal static string Shorten(string value)
    {
        if (value.Length <= MaxShown)
        {
            return value;
        }

        var head = value.Substring(0, CutAt(value, 120));
        var tail = value.Substring(CutAt(value, value.Length - 40));
        return head + "…" + tail + " (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
    }

    /// <summary>A cut that does not split a surrogate pair.</summary>
    private static int CutAt(string value, int at) =>
        at > 0 && at < value.Length && char.IsLowSurrogate(value[at]) && char.IsHighSurrogate(value[at - 1]) ? at - 1 : at;

    public static string List(IEnumerable<string> values) => string.Join(", ", System.Linq.Enumerable.Select(values, Q));
}
