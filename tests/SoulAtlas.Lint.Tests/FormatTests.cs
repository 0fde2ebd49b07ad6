using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using SoulAtlas.Lint.Formatting;
using Xunit;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Golden files for every output format, on fixtures/formats (one error, one warning, one info).
/// Set SOUL_LINT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class FormatTests
{
    private static string Corpus => Path.Combine(TestPaths.Fixtures, "formats");

    private static string GoldenFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "SoulAtlas.Lint.Tests", "golden");

    [Theory]
    [InlineData("text", "report.txt")]
    [InlineData("json", "report.json")]
    [InlineData("sarif", "report.sarif")]
    [InlineData("github", "report.github.txt")]
    [InlineData("msbuild", "report.msbuild.txt")]
    public void Every_format_matches_its_golden_file(string format, string golden)
    {
        var (exit, stdout, stderr) = CliHarness.Run(Corpus, "--format", format, "--today", "2026-11-24");
        Assert.True(exit == 1, stderr);
        var actual = Regex.Replace(stdout, "\"elapsedMs\": [0-9]+", "\"elapsedMs\": 0").Replace(SoulAtlas.Lint.Cli.Program.Version, "VERSION", StringComparison.Ordinal);
        var path = Path.Combine(GoldenFolder, golden);
        if (Environment.GetEnvironmentVariable("SOUL_LINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {golden} is missing (run with SOUL_LINT_UPDATE_GOLDEN=1)");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>MSBuild's canonical error pattern (Microsoft.Build.Shared.CanonicalError), which knows only errors and warnings.</summary>
    private static readonly Regex CanonicalError = new(
        @"^\s*(((?<ORIGIN>(((\d+>)?[a-zA-Z]?:[^:]*)|([^:]*))):)|())(?<SUBCATEGORY>(()|([^:]*? )))(?<CATEGORY>(error|warning))( \s*(?<CODE>[^: ]*))?\s*:(?<TEXT>.*)$",
        RegexOptions.IgnoreCase);

    [Fact]
    public void Msbuild_lines_are_canonical_errors_and_warnings_and_infos_are_never_taken_for_either()
    {
        var (_, stdout, _) = CliHarness.Run(Corpus, "--format", "msbuild", "--today", "2026-11-24");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            var match = CanonicalError.Match(line);
            if (line.StartsWith("info: ", StringComparison.Ordinal))
            {
                Assert.False(match.Success, line);
                continue;
            }

            Assert.True(match.Success, line);
            Assert.Matches("^SOUL[0-9]{3}$", match.Groups["CODE"].Value);
            Assert.Matches(@"\([0-9]+,[0-9]+,[0-9]+,[0-9]+\)$", match.Groups["ORIGIN"].Value);
        }
    }

    [Fact]
    public void The_corpus_has_a_diagnostic_of_each_severity()
    {
        var report = JObject.Parse(CliHarness.Run(Corpus, "--format", "json", "--today", "2026-11-24").Stdout);
        Assert.Equal(1, (int)report["summary"]!["errors"]!);
        Assert.Equal(1, (int)report["summary"]!["warnings"]!);
        Assert.Equal(1, (int)report["summary"]!["infos"]!);
    }

    [Fact]
    public async System.Threading.Tasks.Task Sarif_output_validates_against_the_sarif_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "tests", "SoulAtlas.Lint.Tests", "sarif-2.1.0-required.schema.json"));
        var sarif = JToken.Parse(CliHarness.Run(Corpus, "--format", "sarif", "--today", "2026-11-24").Stdout);
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));

        var run = sarif["runs"]![0]!;
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        Assert.Equal(SoulAtlas.Lint.Diagnostics.RuleCatalogue.All.Count, rules.Count);
        foreach (var result in run["results"]!)
        {
            var index = (int)result["ruleIndex"]!;
            Assert.Equal((string?)result["ruleId"], (string?)rules[index]["id"]);
        }

        Assert.Equal(new[] { "note", "warning", "error" }, run["results"]!.Select(r => (string?)r["level"]));
    }

    [Fact]
    public void Sarif_fingerprints_survive_lines_inserted_above_the_problem()
    {
        using var copy = new TempFolder();
        CopyTree(Corpus, copy.Path);
        static IEnumerable<string?> Fingerprints(string dir) =>
            JToken.Parse(CliHarness.Run(dir, "--format", "sarif", "--today", "2026-11-24").Stdout)["runs"]![0]!["results"]!
                .Select(r => (string?)r["partialFingerprints"]![SarifFormatter.FingerprintKey]);

        var before = Fingerprints(copy.Path).ToList();
        var yaml = Path.Combine(copy.Path, "souls", "river-warden", "metadata.yaml");
        File.WriteAllText(yaml, "# a comment\n# another\n" + File.ReadAllText(yaml));
        var after = Fingerprints(copy.Path).ToList();
        Assert.Equal(before, after);
        Assert.Equal(3, before.Distinct().Count());
    }

    [Theory]
    [InlineData("100% done", "100%25 done", "100%25 done")]
    [InlineData("a:b,c", "a:b,c", "a%3Ab%2Cc")]
    [InlineData("line1\nline2\r", "line1%0Aline2%0D", "line1%0Aline2%0D")]
    public void GitHub_commands_escape_what_the_runner_requires(string raw, string data, string property)
    {
        Assert.Equal(data, GitHubFormatter.Data(raw));
        Assert.Equal(property, GitHubFormatter.Property(raw));
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "report.json");
        var (exit, stdout, _) = CliHarness.Run(Corpus, "--format", "json", "--output", target, "--today", "2026-11-24");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(3, JObject.Parse(File.ReadAllText(target))["diagnostics"]!.Count());
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
