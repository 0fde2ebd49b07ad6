using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Runs the built soul-lint as a separate process, as users and CI do: the framework-dependent
/// build by default, or the executable named by SOUL_LINT_TEST_EXECUTABLE (a native build, say;
/// a relative path is taken from the repository root).
/// </summary>
public sealed class CliProcessTests
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "soul-lint.dll");

    private static readonly string? Executable =
        Environment.GetEnvironmentVariable("SOUL_LINT_TEST_EXECUTABLE") is { Length: > 0 } path ? Path.GetFullPath(path, TestPaths.RepositoryRoot) : null;

    private static readonly string UserCacheHome = Path.Combine(Path.GetTempPath(), "soul-lint-test-cache-home-" + Guid.NewGuid().ToString("N"));

    internal static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Executable is null)
        {
            start.ArgumentList.Add(CliDll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Runs outside CI keep results in the user's cache folder: this test run's own.
        start.Environment["XDG_CACHE_HOME"] = UserCacheHome;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "soul-lint did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_clean_corpus_exits_0()
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepositoryRoot, "fixtures/corpus", "--today", "2026-11-24");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("8 occupations checked, no problems", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Lint_errors_exit_1_and_the_json_report_has_the_documented_shape()
    {
        var (exit, stdout, _) = Run(TestPaths.RepositoryRoot, "fixtures/rules/related-exists/invalid", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(1, exit);
        var report = JObject.Parse(stdout);
        Assert.Equal(new[] { "tool", "summary", "diagnostics" }, report.Properties().Select(p => p.Name));
        Assert.Equal("soul-lint", (string?)report["tool"]!["name"]);
        Assert.Equal(
            new[] { "files", "occupations", "errors", "warnings", "infos", "fixed", "elapsedMs" },
            ((JObject)report["summary"]!).Properties().Select(p => p.Name));
        Assert.Equal(2, (int)report["summary"]!["occupations"]!);

        var diagnostic = (JObject)report["diagnostics"]!.Single(d => (string?)d["ruleId"] == "SOUL300");
        Assert.Equal(
            new[] { "ruleId", "rule", "severity", "file", "line", "column", "endLine", "endColumn", "slug", "message", "fixable", "suggestions" },
            diagnostic.Properties().Select(p => p.Name));
        Assert.Equal("related-exists", (string?)diagnostic["rule"]);
        Assert.Equal("error", (string?)diagnostic["severity"]);
        Assert.Equal("fixtures/rules/related-exists/invalid/river-warden.json", (string?)diagnostic["file"]);
        Assert.Equal(27, (int)diagnostic["line"]!);
        Assert.Equal(17, (int)diagnostic["column"]!);
        Assert.Equal(27, (int)diagnostic["endLine"]!);
        Assert.Equal(31, (int)diagnostic["endColumn"]!);
        Assert.Equal("river-warden", (string?)diagnostic["slug"]);
        Assert.Contains("did you mean \"bridge-keeper\"", (string?)diagnostic["message"], StringComparison.Ordinal);
        Assert.False((bool)diagnostic["fixable"]!);

        // The nearest slug, as an edit an editor can apply: the JSON string, quotes and all.
        var suggestion = (JObject)diagnostic["suggestions"]!.Single();
        Assert.Equal("Replace \"bridge-keepr\" with \"bridge-keeper\"", (string?)suggestion["title"]);
        var edit = (JObject)suggestion["edits"]!.Single();
        Assert.Equal(
            new[] { "file", "line", "column", "endLine", "endColumn", "start", "length", "newText" },
            edit.Properties().Select(p => p.Name));
        Assert.Equal("fixtures/rules/related-exists/invalid/river-warden.json", (string?)edit["file"]);
        Assert.Equal(27, (int)edit["line"]!);
        Assert.Equal(17, (int)edit["column"]!);
        Assert.Equal(14, (int)edit["length"]!);
        Assert.Equal("\"bridge-keeper\"", (string?)edit["newText"]);
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "fixtures", "rules", "related-exists", "invalid", "river-warden.json"));
        Assert.Equal("\"bridge-keepr\"", text.Substring((int)edit["start"]!, (int)edit["length"]!));
    }

    [Fact]
    public void Turning_the_only_failing_rule_off_exits_0()
    {
        var (exit, _, stderr) = Run(TestPaths.RepositoryRoot, "fixtures/rules/related-exists/invalid", "--rule", "related-exists=off", "--rule", "SOUL303=off", "--today", "2026-11-24");
        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public void Warnings_beyond_max_warnings_exit_1_and_quiet_hides_them()
    {
        var folder = "fixtures/rules/title-matches/invalid";
        Assert.Equal(0, Run(TestPaths.RepositoryRoot, folder, "--today", "2026-11-24").ExitCode);
        Assert.Equal(1, Run(TestPaths.RepositoryRoot, folder, "--max-warnings", "0", "--today", "2026-11-24").ExitCode);
        var quiet = Run(TestPaths.RepositoryRoot, folder, "--quiet", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Empty((JArray)JObject.Parse(quiet.Stdout)["diagnostics"]!);
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("--rule", "no-such-rule=error")]
    [InlineData("--rule", "related-exists=loud")]
    [InlineData("--today", "24/11/2026")]
    [InlineData("no/such/path")]
    [InlineData("--no-such-option")]
    [InlineData("explain", "SOUL999")]
    public void Bad_usage_exits_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepositoryRoot, args);
        Assert.Equal(2, exit);
        Assert.Contains("soul-lint:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_the_catalogue_with_effective_severities()
    {
        var (exit, stdout, _) = Run(TestPaths.RepositoryRoot, "rules", "--rule", "orphan=warning");
        Assert.Equal(0, exit);
        var orphan = stdout.Split('\n').Single(l => l.StartsWith("SOUL305", StringComparison.Ordinal));
        Assert.Matches(@"SOUL305\s+orphan\s+off\s+warning\s", orphan);
        foreach (var rule in SoulAtlas.Lint.Diagnostics.RuleCatalogue.All)
        {
            Assert.Contains(rule.Id + "  ", stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SOUL300")]
    [InlineData("related-exists")]
    public void Explain_accepts_an_id_or_a_name(string rule)
    {
        var (exit, stdout, _) = Run(TestPaths.RepositoryRoot, "explain", rule);
        Assert.Equal(0, exit);
        Assert.StartsWith("# related-exists (SOUL300)", stdout, StringComparison.Ordinal);
        Assert.Contains("## Bad", stdout, StringComparison.Ordinal);
        Assert.Contains("## Good", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_prints_the_computed_block_of_one_record_resolving_backlinks_in_its_corpus()
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepositoryRoot, "compute", "fixtures/corpus/api/souls/harbour-pilot.json");
        Assert.True(exit == 0, stderr);
        var output = JObject.Parse(stdout);
        Assert.Equal("harbour-pilot", (string?)output["slug"]);
        var stored = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", "harbour-pilot.json")))["computed"]!;
        Assert.True(JToken.DeepEquals(stored, output["computed"]), output["computed"]!.ToString());
        Assert.Equal(new[] { "lighthouse-keeper", "port-engineer", "ship-captain", "tide-reader" }, output["computed"]!["backlinks"]!.Values<string>());
    }

    [Fact]
    public void Compute_on_a_source_folder_derives_the_same_block_as_the_published_record()
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepositoryRoot, "compute", "fixtures/corpus/souls/harbour-pilot");
        Assert.True(exit == 0, stderr);
        var output = JObject.Parse(stdout);
        var record = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", "harbour-pilot.json")));
        Assert.True(JToken.DeepEquals(record["computed"], output["computed"]), output.ToString());
        Assert.Equal(record["sections"]!.Select(s => (string?)s["id"]), output["sections"]!.Select(s => (string?)s["id"]));
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var (exit, stdout, _) = Run(TestPaths.RepositoryRoot, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("compute", stdout, StringComparison.Ordinal);
        Assert.Contains("--max-warnings", stdout, StringComparison.Ordinal);
    }
}
