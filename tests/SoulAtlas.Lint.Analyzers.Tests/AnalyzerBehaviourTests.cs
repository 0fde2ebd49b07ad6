using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>What the analyzer does beyond agreeing with the CLI on a plain corpus: offsets, soul-lint.json, cancellation.</summary>
public sealed class AnalyzerBehaviourTests
{
    public static TheoryData<string, string> Cases() => TestPaths.RuleCases();

    /// <summary>Microsoft.CodeAnalysis.Testing compares line spans; the 0-based text span is checked here, against the engine's.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_location_has_the_engines_exact_text_span(string ruleName, string caseName)
    {
        var folder = Path.Combine(TestPaths.RuleFixtures, ruleName, caseName);
        var expected = AnalyzerHarness.CliDiagnostics(folder)
            .Select(d => $"{d.Rule.Id} {d.FullPath} [{d.Start}..{d.Start + d.Length}) {d.Message}")
            .OrderBy(s => s, StringComparer.Ordinal);
        var actual = (await AnalyzerHarness.RunAsync(folder))
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().Path} [{d.Location.SourceSpan.Start}..{d.Location.SourceSpan.End}) {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_projects_soul_lint_json_sets_ignores_and_rule_severities_as_for_the_CLI()
    {
        using var corpus = TempCorpus.CopyOf(Path.Combine(TestPaths.RuleFixtures, "orphan", "invalid-source"));
        var config = corpus.Write("soul-lint.json", """
            { "rules": { "orphan": "error", "missing-file": "off" }, "ignore": ["souls/river-warden"] }
            """);
        var settings = DiskConfig.Settings(DiskConfig.Load(config, "soul-lint.json")) with { Today = new DateTime(2026, 11, 24) };
        var cli = AnalyzerHarness.CliDiagnostics(corpus.Path, settings);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.Orphan && d.Severity == Severity.Error);
        Assert.DoesNotContain(cli, d => d.FullPath!.Contains("river-warden", StringComparison.Ordinal));
        // With river-warden's folder ignored, bridge-keeper's link to it names no occupation.
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.RelatedExists);

        var test = AnalyzerHarness.Test(corpus.Path);
        test.ExpectedDiagnostics.AddRange(cli.Select(AnalyzerHarness.Expected));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_global_config_wins_over_soul_lint_json_and_names_a_rule_it_turned_off_back_on()
    {
        using var corpus = TempCorpus.CopyOf(Path.Combine(TestPaths.RuleFixtures, "orphan", "invalid-source"));
        var config = corpus.Write("soul-lint.json", """{ "rules": { "orphan": "error", "missing-file": "off" } }""");

        // A folder with metadata.yaml alone: missing-file, which soul-lint.json turns off.
        File.Delete(Path.Combine(corpus.Path, "souls", "lone-hermit", "SOUL.md"));
        var settings = DiskConfig.Settings(DiskConfig.Load(config, "soul-lint.json")) with { Today = new DateTime(2026, 11, 24) };
        var cli = AnalyzerHarness.CliDiagnostics(corpus.Path, settings);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.Orphan && d.Severity == Severity.Error);
        Assert.DoesNotContain(cli, d => d.Rule == RuleCatalogue.MissingFile);
        var missingFile = AnalyzerHarness.CliDiagnostics(corpus.Path, settings with
        {
            Severities = new Dictionary<string, Severity>(settings.Severities) { [RuleCatalogue.MissingFile.Id] = Severity.Warning },
        }).Where(d => d.Rule == RuleCatalogue.MissingFile).ToList();
        Assert.NotEmpty(missingFile);

        var test = AnalyzerHarness.Test(corpus.Path, "dotnet_diagnostic.SOUL305.severity = none\ndotnet_diagnostic.SOUL005.severity = warning\n");
        test.ExpectedDiagnostics.AddRange(cli.Where(d => d.Rule != RuleCatalogue.Orphan).Concat(missingFile).Select(AnalyzerHarness.Expected));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoWarn_and_WarningsAsErrors_apply_as_to_any_diagnostic()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "formats");
        var plain = await AnalyzerHarness.RunAsync(folder);
        Assert.Contains(plain, d => d.Id == "SOUL300");
        Assert.Contains(plain, d => d.Id == "SOUL404" && d.Severity == DiagnosticSeverity.Warning);

        var configured = await AnalyzerHarness.RunAsync(folder, specificOptions: new Dictionary<string, ReportDiagnostic>
        {
            ["SOUL300"] = ReportDiagnostic.Suppress,
            ["SOUL404"] = ReportDiagnostic.Error,
        });
        Assert.DoesNotContain(configured, d => d.Id == "SOUL300");
        Assert.Contains(configured, d => d.Id == "SOUL404" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task A_broken_soul_lint_json_is_reported_on_it_and_nothing_is_linted()
    {
        using var corpus = TempCorpus.CopyOf(Path.Combine(TestPaths.RuleFixtures, "related-exists", "invalid"));
        var config = corpus.Write("soul-lint.json", """{ "rules": { "no-such-rule": "off" } }""");

        var diagnostics = await AnalyzerHarness.RunAsync(corpus.Path);

        var d = Assert.Single(diagnostics);
        Assert.Equal("SOUL000", d.Id);
        Assert.Equal(config, d.Location.GetLineSpan().Path);
        Assert.Contains("no-such-rule", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_occupation_content_gets_nothing_even_with_other_JSON_additional_files()
    {
        using var project = TempCorpus.CopyOf(Path.Combine(TestPaths.RuleFixtures, "related-exists", "invalid"));
        foreach (var file in Directory.GetFiles(project.Path))
        {
            File.Delete(file);
        }

        Assert.Empty(await AnalyzerHarness.RunAsync(project.Path));

        // A tool's settings beside no records are passed over, as the CLI passes them over.
        project.Write("stylecop.json", """{ "settings": { "documentationRules": { "companyName": "x" } } }""");
        project.Write("package.json", """{ "name": "site", "version": "1.0.0" }""");
        Assert.Empty(AnalyzerHarness.CliDiagnostics(project.Path));
        Assert.Empty(await AnalyzerHarness.RunAsync(project.Path));
    }

    [Fact]
    public async Task A_cancelled_analysis_stops_with_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerHarness.RunAsync(Path.Combine(TestPaths.Fixtures, "corpus"), cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task The_clean_sample_corpus_gets_no_diagnostics_and_a_future_date_is_judged_against_the_builds_day()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "corpus");
        Assert.Empty(await AnalyzerHarness.RunAsync(folder));

        // date-order compares with build_property.SoulLintToday: a day before the content was written makes its dates future.
        var early = await AnalyzerHarness.RunAsync(folder, todayOverride: "2000-01-01");
        Assert.Contains(early, d => d.Id == RuleCatalogue.DateOrder.Id);
    }

    /// <summary>A copy of a fixture corpus in a temporary folder.</summary>
    private sealed class TempCorpus : IDisposable
    {
        private TempCorpus(string path) => Path = path;

        public string Path { get; }

        public static TempCorpus CopyOf(string folder)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "soul-lint-analyzer-tests", Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(path, System.IO.Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return new TempCorpus(path);
        }

        public string Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            File.WriteAllText(full, text);
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }
}
