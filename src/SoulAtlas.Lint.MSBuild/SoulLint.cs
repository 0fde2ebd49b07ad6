using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using Diagnostic = SoulAtlas.Lint.Diagnostics.Diagnostic;

namespace SoulAtlas.Lint.MSBuild;

/// <summary>
/// Lints the occupation content under <see cref="Root"/> in-process with the soul-lint engine and
/// logs each problem as the compiler does (<c>file(line,col,endLine,endCol): error SOUL300: …</c>),
/// so the build fails on an error and the IDE lists every problem at its place. Severities and
/// suppressions are the engine's: soul-lint.json, inline comments and a baseline.
/// </summary>
public sealed class SoulLint : Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The corpus root or any folder inside it (soul-lint.json, souls/ or mirrored/ are looked for from here up).</summary>
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>The folder paths in messages are relative to (the project's); absolute paths when empty.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>A soul-lint.json to use instead of the one found above <see cref="Root"/>.</summary>
    public string? Config { get; set; }

    /// <summary>A baseline written by <c>soul-lint --write-baseline</c>: the problems it records are not reported.</summary>
    public string? Baseline { get; set; }

    /// <summary>The day future dates are judged against, as YYYY-MM-DD (pin it in CI); today (UTC) when empty.</summary>
    public string? Today { get; set; }

    /// <summary>Report warnings as errors.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Skip what .gitignore files exclude (as the CLI does by default).</summary>
    public bool UseGitIgnore { get; set; } = true;

    /// <summary>Occupations checked (for a summary line and for tests).</summary>
    [Output]
    public int Occupations { get; set; }

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "soul-lint: cancelled");
            return false;
        }
        catch (Exception ex) when (ex is LintUsageException or ConfigException or BaselineException)
        {
            Log.LogError(null, null, null, Config ?? Root, 0, 0, 0, 0, "soul-lint: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failure inside soul-lint is said in words, as the CLI says it: MSBuild would print the stack trace.
            Log.LogError(null, null, null, Config ?? Root, 0, 0, 0, 0, "soul-lint: internal error: " + ex.Message + " (please report it)");
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        if (!Directory.Exists(Root))
        {
            throw new LintUsageException($"SoulLintRoot {Root} is not a folder");
        }

        var root = Path.GetFullPath(Root);
        var baseDirectory = string.IsNullOrEmpty(ProjectDirectory) ? null : Path.GetFullPath(ProjectDirectory);
        var configPath = string.IsNullOrEmpty(Config) ? DiskConfig.Find(root) : Path.GetFullPath(Config);
        if (configPath is not null && !File.Exists(configPath))
        {
            throw new ConfigException($"SoulLintConfig {Config}: file not found");
        }

        var config = configPath is null ? null : DiskConfig.Load(configPath, Display(baseDirectory, configPath));
        var settings = DiskConfig.Settings(config) with
        {
            Today = ParseToday(Today),
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };

        using var corpus = DiskCorpus.Load(new[] { root }, root, settings, UseGitIgnore, _cancellation.Token);
        var engine = new LintEngine();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = engine.Lint(new LintRequest(corpus.Documents, settings) { Scope = corpus.Scope, BaseDirectory = baseDirectory, Clock = () => clock.Elapsed }, _cancellation.Token);
        var baseline = string.IsNullOrEmpty(Baseline) ? null : DiskConfig.ReadBaseline(Path.GetFullPath(Baseline), Baseline!);
        var outcome = new ReportPolicy { Baseline = baseline }.Apply(result);
        Occupations = outcome.Result.Occupations;

        foreach (var diagnostic in outcome.Diagnostics)
        {
            LogDiagnostic(diagnostic);
        }

        var errors = outcome.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = outcome.Diagnostics.Count(d => d.Severity == Severity.Warning);
        Log.LogMessage(
            MessageImportance.Normal,
            string.Format(CultureInfo.InvariantCulture, "soul-lint: {0} occupations checked, {1} errors, {2} warnings", Occupations, errors, warnings));
    }

    private void LogDiagnostic(Diagnostic d)
    {
        // Content's control characters (a line break in a title) must not reach the build log raw.
        var file = Text.TerminalText.Escape(d.File);
        var message = $"{Text.TerminalText.Escape(d.Message)} [{d.Rule.Name}]";
        var helpKeyword = "soul-lint." + d.Rule.Name;
        if (d.Severity == Severity.Error || (d.Severity == Severity.Warning && TreatWarningsAsErrors))
        {
            Log.LogError(null, d.RuleId, helpKeyword, file, d.Line, d.Column, d.EndLine, d.EndColumn, message);
        }
        else if (d.Severity == Severity.Warning)
        {
            Log.LogWarning(null, d.RuleId, helpKeyword, file, d.Line, d.Column, d.EndLine, d.EndColumn, message);
        }
        else
        {
            Log.LogMessage(null, d.RuleId, helpKeyword, file, d.Line, d.Column, d.EndLine, d.EndColumn, MessageImportance.High, message);
        }
    }

    private static string Display(string? baseDirectory, string path) =>
        baseDirectory is null ? path : PathDisplay.Relative(baseDirectory, path);

    private static DateTime ParseToday(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DateTime.UtcNow.Date;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new LintUsageException($"SoulLintToday {text}: expected a date as YYYY-MM-DD");
    }
}
