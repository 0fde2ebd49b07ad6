using System;
using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using Xunit;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Tests;

/// <summary>As markdownlint does: every fixable rule's invalid fixtures are fixed, then linted again to prove the fix fixes.</summary>
public sealed class FixTests
{
    public static TheoryData<string, string> FixableCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalogue.All.Where(r => r.Fixable))
        {
            foreach (var dir in Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "rules", rule.Name), "invalid*").OrderBy(d => d, StringComparer.Ordinal))
            {
                data.Add(rule.Name, Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixableCases))]
    public void Fixing_an_invalid_fixture_leaves_nothing_for_its_rule(string ruleName, string caseName)
    {
        var rule = RuleCatalogue.Find(ruleName)!;
        var folder = Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName);
        var before = Lint.Run(folder).Diagnostics.Where(d => d.Rule == rule).ToList();
        Assert.All(before, d => Assert.NotNull(d.Fix));

        var outcome = Lint.Fix(Lint.AllRules(), folder);
        Assert.DoesNotContain(outcome.Result.Diagnostics, d => d.Rule == rule);
        Assert.True(outcome.Fixed >= before.Count, $"fixed {outcome.Fixed} of {before.Count}");
        Assert.NotEmpty(outcome.Changed);
        foreach (var text in outcome.Changed.Values)
        {
            Newtonsoft.Json.Linq.JToken.Parse(text);
        }
    }

    [Fact]
    public void Fix_writes_the_repaired_file_and_keeps_the_layout_and_a_byte_order_mark()
    {
        using var temp = new TempFolder();
        var source = Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid");
        temp.CopyFrom(source);
        File.Delete(Path.Combine(temp.Path, "expected.txt"));
        var path = Path.Combine(temp.Path, "river-warden.json");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(path)).ToArray());

        var (exit, stdout, _) = CliHarness.Run(temp.Path, "--fix", "--format", "json", "--today", "2026-11-24");
        Assert.Equal(0, exit);
        Assert.Equal(2, (int)Newtonsoft.Json.Linq.JObject.Parse(stdout)["summary"]!["fixed"]!);

        var fixedBytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, fixedBytes.Take(3));
        var expected = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "valid", "river-warden.json"));
        Assert.Equal(expected, new UTF8Encoding(false).GetString(fixedBytes, 3, fixedBytes.Length - 3));
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void Fix_dry_run_reports_the_outcome_but_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(TestPaths.Fixtures, "rules", "reading-time", "invalid"));
        var before = File.ReadAllText(Path.Combine(temp.Path, "river-warden.json"));
        var (exit, stdout, _) = CliHarness.Run(temp.Path, "--fix-dry-run", "--today", "2026-11-24");
        Assert.Equal(0, exit);
        Assert.Contains("1 fixed", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(temp.Path, "river-warden.json")));
    }

    [Fact]
    public void Overlapping_edits_wait_for_the_next_pass()
    {
        var file = new SourceFile("/x.json", "x.json", "[1, 2, 3]");
        var (text, applied) = EditApplier.Apply(file.Text, new[]
        {
            new TextEdit(new SourceRange(file, 1, 2), "10"),
            new TextEdit(new SourceRange(file, 1, 5), "9, 9"),
            new TextEdit(new SourceRange(file, 7, 8), "30"),
            new TextEdit(new SourceRange(file, 7, 8), "30"),
        });
        Assert.Equal("[10, 2, 30]", text);
        Assert.Equal(2, applied);
    }
}
