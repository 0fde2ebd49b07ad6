using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace SoulAtlas.Lint.Tests;

public sealed class ConfigTests
{
    private static TempFolder CorpusWithConfig(string config)
    {
        var temp = new TempFolder();
        FormatTests.CopyTree(Path.Combine(TestPaths.Fixtures, "formats"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "soul-lint.json"), config);
        return temp;
    }

    private static JArray Diagnostics(string stdout) => (JArray)JObject.Parse(stdout)["diagnostics"]!;

    [Fact]
    public void The_config_is_found_by_walking_up_from_the_first_path()
    {
        using var corpus = CorpusWithConfig("{ \"rules\": { \"thin-section\": \"off\", \"SOUL300\": \"warning\" } }");
        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "souls/river-warden", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(0, exit);
        var diagnostic = Assert.Single(Diagnostics(stdout));
        Assert.Equal("related-exists", (string?)diagnostic["rule"]);
        Assert.Equal("warning", (string?)diagnostic["severity"]);
    }

    [Fact]
    public void Command_line_rules_override_the_config()
    {
        using var corpus = CorpusWithConfig("{ \"rules\": { \"related-exists\": \"off\" } }");
        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "--rule", "related-exists=error", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(1, exit);
        Assert.Contains(Diagnostics(stdout), d => (string?)d["rule"] == "related-exists" && (string?)d["severity"] == "error");
    }

    [Theory]
    [InlineData("{ \"rulez\": {} }", "unknown key \"rulez\"")]
    [InlineData("{ \"limits\": { \"maxFiles\": 3 } }", "unknown key \"maxFiles\" in limits")]
    [InlineData("{ \"rules\": { \"no-such-rule\": \"error\" } }", "unknown rule \"no-such-rule\"")]
    [InlineData("{ \"rules\": { \"orphan\": \"loud\" } }", "rules.orphan must be one of")]
    [InlineData("{ \"rules\": ", "invalid JSON")]
    public void A_bad_config_exits_2_naming_the_problem(string config, string expected)
    {
        using var corpus = CorpusWithConfig(config);
        var (exit, _, stderr) = CliHarness.Run(corpus.Path, "--today", "2026-11-24");
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("soul-lint.json:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("souls/lone-hermit")]
    [InlineData("souls/lone-hermit/**")]
    [InlineData("souls/lone-*/**")]
    public void Ignore_globs_are_relative_to_the_config(string glob)
    {
        using var corpus = CorpusWithConfig("{ \"ignore\": [\"" + glob + "\"] }");
        var (_, stdout, _) = CliHarness.Run(corpus.Path, "--format", "json", "--today", "2026-11-24");
        Assert.DoesNotContain(Diagnostics(stdout), d => ((string?)d["file"])!.Contains("lone-hermit", StringComparison.Ordinal));
        Assert.Equal(2, (int)JObject.Parse(stdout)["summary"]!["occupations"]!);
    }

    [Fact]
    public void An_explicit_config_file_wins_and_a_missing_one_is_an_error()
    {
        using var corpus = CorpusWithConfig("{ }");
        File.WriteAllText(Path.Combine(corpus.Path, "strict.json"), "{ \"rules\": { \"orphan\": \"error\" } }");
        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "--config", "strict.json", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(1, exit);
        Assert.Contains(Diagnostics(stdout), d => (string?)d["rule"] == "orphan" && (string?)d["severity"] == "error");
        Assert.Equal(2, CliHarness.Run(corpus.Path, "--config", "missing.json").ExitCode);
    }

    [Fact]
    public void Rules_shows_effective_severities_from_the_config()
    {
        using var corpus = CorpusWithConfig("{ \"rules\": { \"thin-section\": \"off\" } }");
        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "rules");
        Assert.Equal(0, exit);
        Assert.Matches(@"SOUL404\s+thin-section\s+warning\s+off\s", stdout.Split('\n').Single(l => l.StartsWith("SOUL404", StringComparison.Ordinal)));
    }

    [SharedDataFact]
    public void A_content_repository_can_supply_its_own_schema_folder()
    {
        var corpus = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");
        using var config = new TempFolder();
        var configPath = Path.Combine(config.Path, "own-schema.json");
        File.WriteAllText(configPath, "{ \"schemaDir\": \"" + Path.Combine(corpus, "schema").Replace("\\", "\\\\", StringComparison.Ordinal) + "\" }");
        // The real corpus's two mutual specializations are errors of specialization-cycle (pinned in SourceTests).
        var (exit, stdout, stderr) = CliHarness.Run(corpus, "--config", configPath, "--format", "json", "--today", "2026-11-24", "--rule", "specialization-cycle=off");
        Assert.True(exit == 0, stderr);
        Assert.Equal(0, (int)JObject.Parse(stdout)["summary"]!["errors"]!);
    }

    [Fact]
    public void The_config_schema_ships_and_describes_every_key()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "schemas", "soul-lint.config.schema.json")));
        Assert.False((bool)schema["additionalProperties"]!);
        foreach (var property in ((JObject)schema["properties"]!).Properties())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.Value["description"]), property.Name);
        }
    }
}
