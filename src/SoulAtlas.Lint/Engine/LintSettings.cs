using System;
using System.Collections.Generic;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Engine;

/// <summary>Everything a lint run depends on besides the files: the contract, severities, dates and limits.</summary>
public sealed class LintSettings
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

    /// <summary>The content contract in force; the built-in one is loaded on first use.</summary>
    public ContentContract Contract => CustomContract ?? ContentContract.Default;

    /// <summary>Dates after this day are in the future (date-order). Pinned with <c>--today</c>.</summary>
    public DateTime Today { get; init; } = DateTime.UtcNow.Date;

    public string SiteUrl { get; init; } = CitationBuilder.DefaultSiteUrl;

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Severity overrides by rule ID.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>Skip what the git work tree's .gitignore files exclude (<c>--no-gitignore</c> turns it off).</summary>
    public bool UseGitIgnore { get; init; } = true;

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

    /// <summary>Measure the time each rule takes (reported with the phase timings).</summary>
    public bool MeasureRules { get; init; }

    /// <summary>Run files in parallel across cores.</summary>
    public bool Parallel { get; init; } = true;

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
