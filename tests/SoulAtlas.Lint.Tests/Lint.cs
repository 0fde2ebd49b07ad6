using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Tests;

/// <summary>Runs the engine the way the CLI does (the disk adapter, then the engine), with a pinned date.</summary>
internal static class Lint
{
    public static readonly DateTime Today = new(2026, 11, 24);

    /// <summary>One engine for the tests, as a host keeps one.</summary>
    public static readonly LintEngine Engine = new();

    private static readonly Lazy<ContentContract> BuiltIn = new(ContentContract.LoadDefault);

    /// <summary>The built-in contract, loaded once for the tests.</summary>
    public static ContentContract Contract => BuiltIn.Value;

    /// <summary>Every rule on: rules that are off by default run as warnings, so their fixtures are exercised.</summary>
    public static LintSettings AllRules() => new()
    {
        Today = Today,
        CollectComputed = true,
        Severities = RuleCatalogue.All.Where(r => r.DefaultSeverity == Severity.Off).ToDictionary(r => r.Id, _ => Severity.Warning),
    };

    /// <summary>
    /// Not one-sided-relation's hint: the fixture and reference corpora are clipped sets of
    /// occupations that link one way, which that rule (off by default) lists when all rules are on.
    /// </summary>
    public static bool NotAHint(Diagnostic diagnostic) => diagnostic.Rule != RuleCatalogue.OneSidedRelation;

    public static LintResult Run(string workingDirectory, params string[] paths) =>
        Run(AllRules(), workingDirectory, paths);

    public static LintResult Run(LintSettings settings, string workingDirectory, params string[] paths) =>
        Run(settings, useGitIgnore: true, workingDirectory, paths);

    public static LintResult Run(LintSettings settings, bool useGitIgnore, string workingDirectory, params string[] paths)
    {
        using var corpus = DiskCorpus.Load(paths.Length == 0 ? new[] { "." } : paths, workingDirectory, settings, useGitIgnore);
        return Engine.Lint(corpus.Request(settings));
    }

    /// <summary>--fix without writing: the engine's fix run over the disk corpus.</summary>
    public static FixOutcome Fix(LintSettings settings, string workingDirectory, params string[] paths)
    {
        using var corpus = DiskCorpus.Load(paths.Length == 0 ? new[] { "." } : paths, workingDirectory, settings);
        return Engine.Fix(corpus.Request(settings));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
