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

    /// <summary>
    /// Whether the check's findings depend on nothing but the document's text and the run's settings
    /// and contract: no other document, no path, no date. Then a file whose bytes equal another's in
    /// the same run (the site generator writes each record twice, to <c>public/api</c> and
    /// <c>src/generated</c>) is given the other's findings, at the same offsets in its own text,
    /// instead of being checked again.
    /// </summary>
    public virtual bool ReadsOnlyItsDocument => false;

    public abstract void Check(RuleContext context);
}

/// <summary>A finding before the engine has resolved its location and severity.</summary>
public sealed record Finding(RuleDescriptor Rule, SourceRange Range, string Message, Severity? Severity, IReadOnlyList<TextEdit>? Fix = null)
{
    /// <summary>Repairs offered for a person to choose (never applied by <c>--fix</c>).</summary>
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }
}

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

    /// <summary>How many nearest-name searches ("did you mean …?") one document may make.</summary>
    internal const int MaxSuggestions = 100;

    private int _suggestions;

    /// <summary>
    /// Whether a "did you mean" may still be looked for in this document. Each search compares the
    /// name with every candidate (all slugs, all anchors of a page), so a document with thousands
    /// of broken links would cost their product: the first <see cref="MaxSuggestions"/> get a
    /// suggestion, the rest are reported without one.
    /// </summary>
    internal bool MaySuggest() => ++_suggestions <= MaxSuggestions;

    /// <summary>Tells whether the file's time budget is spent (never, when the host has no clock).</summary>
    internal Func<bool>? Deadline { get; set; }

    /// <summary>
    /// The file's time budget (<c>limits.maxCheckMilliseconds</c>) is spent: a rule that loops over
    /// sections stops at the next one, and the engine reports which rules were cut short or skipped.
    /// </summary>
    public bool OutOfTime => Deadline?.Invoke() == true;

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

    /// <summary>
    /// Reports with a repair made of several edits, applied together or not at all (for instance a
    /// removed list entry and the <c>[]</c> that keeps the list a list).
    /// </summary>
    public void Report(SourceRange range, string message, IReadOnlyList<TextEdit>? fix) =>
        _sink.Add(new Finding(Current ?? throw new InvalidOperationException("no rule is running"), range, message, null, fix is { Count: > 0 } ? fix : null));

    /// <summary>Reports with repairs to choose from, which <c>--fix</c> does not apply.</summary>
    public void Report(SourceRange range, string message, IReadOnlyList<Suggestion> suggestions) =>
        _sink.Add(new Finding(Current ?? throw new InvalidOperationException("no rule is running"), range, message, null) { Suggestions = suggestions.Count > 0 ? suggestions : null });

    /// <summary>Reports at a JSON value, with a repair made of several edits applied together.</summary>
    public void Report(JToken? token, string message, IReadOnlyList<TextEdit>? fix) => Report(JsonLocations.RangeOf(token) ?? Document.AnchorRange, message, fix);

    /// <summary>Reports at a JSON value, with repairs to choose from.</summary>
    public void Report(JToken? token, string message, IReadOnlyList<Suggestion> suggestions) => Report(JsonLocations.RangeOf(token) ?? Document.AnchorRange, message, suggestions);

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
