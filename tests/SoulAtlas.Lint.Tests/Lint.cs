using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Tests;

/// <summary>Runs the engine the way the CLI does, with a pinned date.</summary>
internal static class Lint
{
    public static readonly DateTime Today = new(2026, 11, 24);

    /// <summary>Every rule on: rules that are off by default run as warnings, so their fixtures are exercised.</summary>
    public static LintSettings AllRules() => new()
    {
        Today = Today,
        CollectComputed = true,
        Severities = RuleCatalogue.All.Where(r => r.DefaultSeverity == Severity.Off).ToDictionary(r => r.Id, _ => Severity.Warning),
    };

    public static LintResult Run(string workingDirectory, params string[] paths) =>
        new Linter(AllRules()).Lint(paths.Length == 0 ? new[] { "." } : paths, workingDirectory);

    public static LintResult Run(LintSettings settings, string workingDirectory, params string[] paths) =>
        new Linter(settings).Lint(paths.Length == 0 ? new[] { "." } : paths, workingDirectory);

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
