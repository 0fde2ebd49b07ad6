using System;
using System.Collections.Generic;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Configuration;

/// <summary>Everything a lint run depends on besides the files: the contract, severities, dates and limits.</summary>
public sealed record LintSettings
{
    /// <summary>Stock phrases of generated prose that the style guide bans (banned-phrase); matched whole-word and case-insensitively.</summary>
    public static readonly IReadOnlyList<string> DefaultBannedPhrases = new[]
    {
        "delve", "delves", "delving", "tapestry", "navigate the complexities", "navigating the complexities",
        "in conclusion", "ever-evolving", "ever-changing landscape", "testament to", "realm", "game-changer",
        "game changer", "in today's fast-paced world", "it's important to note", "it is important to note",
        "embark on a journey", "unlock the potential", "unleash the power", "harness the power", "a beacon of",
        "plays a pivotal role", "in the digital age",
    };

    /// <summary>A content repository's own contract (config <c>schemaDir</c>/<c>sections</c>); null for the built-in one.</summary>
    public ContentContract? CustomContract { get; init; }

    /// <summary>
    /// Dates after this day are in the future (date-order). The engine reads no clock: a host passes
    /// the day (the CLI today's UTC date or <c>--today</c>); null leaves future dates unchecked.
    /// Rules ask <c>RuleContext.AfterToday</c> rather than read it, so that the result cache can
    /// tell which results a new day changes (it is not part of the cache's key).
    /// </summary>
    public DateTime? Today { get; init; }

    public string SiteUrl { get; init; } = CitationBuilder.DefaultSiteUrl;

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Severity overrides by rule ID.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>The folder the ignore and record globs are relative to (the config file's).</summary>
    public string? GlobBase { get; init; }

    /// <summary>Globs of paths that are not content (config <c>ignore</c>).</summary>
    public IReadOnlyList<string> IgnoreGlobs { get; init; } = Array.Empty<string>();

    /// <summary>Globs of the record files (config <c>records</c>); null means any occupation-shaped JSON.</summary>
    public IReadOnlyList<string>? RecordGlobs { get; init; }

    /// <summary>The banned-phrase list (the config file's <c>bannedPhrases</c>).</summary>
    public IReadOnlyList<string> BannedPhrases { get; init; } = DefaultBannedPhrases;

    /// <summary>Keep every occupation's recomputed metadata in the result (for <c>compute</c>); off, a run holds none.</summary>
    public bool CollectComputed { get; init; }

    /// <summary>
    /// Also run the rules that are off and return their diagnostics (with severity off), for a host
    /// that decides severities itself, as Roslyn does from a .globalconfig.
    /// </summary>
    public bool RunDisabledRules { get; init; }

    /// <summary>How many documents are read and checked at once; the host's choice (the CLI uses every core). 1 runs on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    public Severity SeverityOf(RuleDescriptor rule) => Severities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;

    /// <summary>The severity of one finding: an explicit override wins, else a finding's own (milder) severity, else the rule's.</summary>
    public Severity SeverityOf(RuleDescriptor rule, Severity? findingSeverity)
    {
        if (Severities.TryGetValue(rule.Id, out var configured))
        {
            return configured;
        }

        return findingSeverity ?? rule.DefaultSeverity;
    }
}
