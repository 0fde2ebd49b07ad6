using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace SoulAtlas.Lint.Tests;

public sealed class SuppressionTests
{
    private static JArray Diagnostics(string stdout) => (JArray)JObject.Parse(stdout)["diagnostics"]!;

    private static TempFolder Copy()
    {
        var temp = new TempFolder();
        FormatTests.CopyTree(Path.Combine(TestPaths.Fixtures, "formats"), temp.Path);
        return temp;
    }

    [Fact]
    public void A_baseline_hides_recorded_problems_even_after_lines_are_inserted_above_them()
    {
        using var corpus = Copy();
        var (writeExit, _, writeErr) = CliHarness.Run(corpus.Path, "--write-baseline", "baseline.json", "--today", "2026-11-24");
        Assert.Equal(0, writeExit);
        Assert.Contains("recorded 3 problems", writeErr, StringComparison.Ordinal);

        var yaml = Path.Combine(corpus.Path, "souls", "river-warden", "metadata.yaml");
        File.WriteAllText(yaml, "# notes for reviewers\n# (two lines)\n" + File.ReadAllText(yaml));
        var md = Path.Combine(corpus.Path, "souls", "river-warden", "SOUL.md");
        File.WriteAllText(md, File.ReadAllText(md).Replace("## Purpose", "Intro line.\n\n## Purpose", StringComparison.Ordinal));

        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "--baseline", "baseline.json", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(0, exit);
        Assert.Empty(Diagnostics(stdout));
    }

    [Fact]
    public void A_baseline_still_reports_new_problems()
    {
        using var corpus = Copy();
        CliHarness.Run(corpus.Path, "--write-baseline", "baseline.json", "--today", "2026-11-24");
        var yaml = Path.Combine(corpus.Path, "souls", "bridge-keeper", "metadata.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("slug: 'river-warden'", "slug: 'river-wardn'", StringComparison.Ordinal));

        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "--baseline", "baseline.json", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(1, exit);
        var only = Assert.Single(Diagnostics(stdout));
        Assert.Equal("souls/bridge-keeper/metadata.yaml", (string?)only["file"]);
        Assert.Contains("river-wardn", (string?)only["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_baseline_is_a_usage_error()
    {
        using var corpus = Copy();
        Assert.Equal(2, CliHarness.Run(corpus.Path, "--baseline", "nope.json").ExitCode);
        File.WriteAllText(Path.Combine(corpus.Path, "broken.json"), "{ \"suppressions\": 3 }");
        Assert.Equal(2, CliHarness.Run(corpus.Path, "--baseline", "broken.json").ExitCode);
    }

    [Fact]
    public void Inline_comments_suppress_the_named_rule_on_their_line()
    {
        using var corpus = Copy();
        var md = Path.Combine(corpus.Path, "souls", "river-warden", "SOUL.md");
        File.WriteAllText(md, File.ReadAllText(md).Replace("## Tools", "<!-- soul-lint-disable-next-line thin-section -->\n## Tools", StringComparison.Ordinal));
        var yaml = Path.Combine(corpus.Path, "souls", "river-warden", "metadata.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("type: 'adjacent' }", "type: 'adjacent' } # soul-lint-disable-line SOUL300", StringComparison.Ordinal));

        var (exit, stdout, _) = CliHarness.Run(corpus.Path, "--format", "json", "--today", "2026-11-24");
        Assert.Equal(0, exit);
        var remaining = Diagnostics(stdout).Select(d => (string?)d["rule"]).ToList();
        Assert.Equal(new[] { "orphan" }, remaining);
    }

    [Fact]
    public void A_comment_for_another_rule_suppresses_nothing_and_is_reported()
    {
        using var corpus = Copy();
        var md = Path.Combine(corpus.Path, "souls", "river-warden", "SOUL.md");
        File.WriteAllText(md, File.ReadAllText(md).Replace("## Tools", "<!-- soul-lint-disable-next-line unknown-section -->\n## Tools", StringComparison.Ordinal));
        var rules = Diagnostics(CliHarness.Run(corpus.Path, "--format", "json", "--today", "2026-11-24").Stdout).Select(d => (string?)d["rule"]).ToList();
        Assert.Contains("thin-section", rules);
        Assert.Contains("unused-suppression", rules);
    }
}
