using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// As markdownlint and ruff do: every invalid fixture of a fixable rule is fixed on a copy, and
/// each file must then equal its checked-in <c>&lt;file&gt;.fixed</c> byte for byte (a file with
/// none must not change). A second run changes nothing, and a copy with CRLF line endings comes
/// out as the same files with CRLF.
/// </summary>
public sealed class FixTests
{
    private const string Today = "2026-11-24";

    public static TheoryData<string, string, bool> FixableCases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var rule in RuleCatalogue.All.Where(r => r.Fixable))
        {
            foreach (var dir in Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "rules", rule.Name), "invalid*").OrderBy(d => d, StringComparer.Ordinal))
            {
                data.Add(rule.Name, Path.GetFileName(dir), false);
                data.Add(rule.Name, Path.GetFileName(dir), true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixableCases))]
    public void Fix_turns_each_file_into_its_fixed_file_and_a_second_run_changes_nothing(string ruleName, string caseName, bool crlf)
    {
        var rule = RuleCatalogue.Find(ruleName)!;
        var folder = Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName);
        using var temp = new TempFolder();
        var expected = CopyCase(folder, temp.Path, crlf);
        var anyFixed = expected.Any(e => !e.Value.SequenceEqual(File.ReadAllBytes(Path.Combine(temp.Path, e.Key))));

        var (dryExit, diff, _) = CliHarness.Run(temp.Path, "--fix-dry-run", "--today", Today);
        Assert.Equal(anyFixed ? 1 : 0, dryExit);
        Assert.Equal(anyFixed, diff.Length > 0);

        var (exit, _, stderr) = CliHarness.Run(temp.Path, "--fix", "--today", Today);
        Assert.True(exit is 0 or 1, stderr);
        AssertFiles(temp.Path, expected);

        // Nothing left to do: the dry run is clean, and --fix writes nothing.
        var (againExit, againDiff, _) = CliHarness.Run(temp.Path, "--fix-dry-run", "--today", Today);
        Assert.Equal(string.Empty, againDiff);
        Assert.Equal(0, againExit);
        CliHarness.Run(temp.Path, "--fix", "--today", Today);
        AssertFiles(temp.Path, expected);

        // What the rule still reports, it cannot fix.
        var left = Lint.Run(temp.Path).Diagnostics.Where(d => d.Rule == rule && d.Fix is not null).ToList();
        Assert.True(left.Count == 0, Lint.Describe(left));
    }

    public static TheoryData<string, string, string> RecordCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (rule, name) in FixableCases().Select(row => ((string)row[0], (string)row[1])).Distinct())
        {
            var folder = Path.Combine(TestPaths.Fixtures, "rules", rule, name);
            if (Directory.GetFiles(folder, "*.json.fixed").Length > 0)
            {
                data.Add(rule, name, "\t");
                data.Add(rule, name, " ");
                data.Add(rule, name, "    ");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordCases))]
    public void A_records_repair_is_written_in_the_records_own_indentation(string ruleName, string caseName, string unit)
    {
        using var temp = new TempFolder();
        var expected = CopyCase(Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName), temp.Path, crlf: true);
        foreach (var relative in expected.Keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal)).ToList())
        {
            var path = Path.Combine(temp.Path, relative);
            File.WriteAllBytes(path, Reindent(File.ReadAllBytes(path), unit));
            expected[relative] = Reindent(expected[relative], unit);
        }

        var (exit, _, stderr) = CliHarness.Run(temp.Path, "--fix", "--today", Today);
        Assert.True(exit is 0 or 1, stderr);
        AssertFiles(temp.Path, expected);
    }

    /// <summary>The fixtures' two-space indentation, as <paramref name="unit"/> per level (byte by byte: a fixture may hold invalid UTF-8).</summary>
    private static byte[] Reindent(byte[] bytes, string unit)
    {
        var result = new List<byte>(bytes.Length);
        var unitBytes = Encoding.UTF8.GetBytes(unit);
        for (var i = 0; i < bytes.Length;)
        {
            var spaces = 0;
            while (i + spaces < bytes.Length && bytes[i + spaces] == (byte)' ')
            {
                spaces++;
            }

            for (var level = 0; level < spaces / 2; level++)
            {
                result.AddRange(unitBytes);
            }

            i += spaces / 2 * 2;
            while (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                result.Add(bytes[i++]);
            }

            if (i < bytes.Length)
            {
                result.Add(bytes[i++]);
            }
        }

        return result.ToArray();
    }

    [Fact]
    public void Every_fixable_rule_has_a_fixture_with_a_fixed_file()
    {
        var missing = RuleCatalogue.All.Where(r => r.Fixable)
            .Where(r => !Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "rules", r.Name), "*.fixed", SearchOption.AllDirectories).Any())
            .Select(r => r.Name)
            .ToList();
        Assert.True(missing.Count == 0, "no .fixed file: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_fixed_file_stands_beside_the_file_it_is_the_repair_of()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "rules"), "*.fixed", SearchOption.AllDirectories))
        {
            Assert.True(File.Exists(path[..^".fixed".Length]), path);
        }
    }

    [GitFact]
    public void The_dry_run_diff_applies_with_git_and_gives_what_fix_writes()
    {
        foreach (var (rule, name, crlf) in new[] { ("section-order", "invalid-source-many", true), ("related-self", "invalid-source-block", false), ("invalid-encoding", "invalid-source-bom", false), ("backlinks", "invalid", true) })
        {
            using var temp = new TempFolder();
            var expected = CopyCase(Path.Combine(TestPaths.Fixtures, "rules", rule, name), temp.Path, crlf);
            var (exit, diff, _) = CliHarness.Run(temp.Path, "--fix-dry-run", "--today", Today);
            Assert.Equal(1, exit);
            var patch = Path.Combine(temp.Path, "..", Path.GetFileName(temp.Path) + ".patch");
            File.WriteAllBytes(patch, new UTF8Encoding(false).GetBytes(diff));
            try
            {
                var (code, output) = ProcessRunner.Run("git", temp.Path, "apply", "--unsafe-paths", "--whitespace=nowarn", "-p1", patch);
                Assert.True(code == 0, output);
            }
            finally
            {
                File.Delete(patch);
            }

            AssertFiles(temp.Path, expected);
        }
    }

    [Fact]
    public void The_dry_run_prints_a_unified_diff_exits_1_and_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "slug-matches-path", "invalid-source"));
        File.Delete(Path.Combine(temp.Path, "expected.txt"));
        File.Delete(Path.Combine(temp.Path, "souls", "river-warden", "metadata.yaml.fixed"));
        var yaml = Path.Combine(temp.Path, "souls", "river-warden", "metadata.yaml");
        var before = File.ReadAllBytes(yaml);

        var (exit, stdout, stderr) = CliHarness.Run(temp.Path, "--fix-dry-run", "--today", Today);
        Assert.Equal(1, exit);
        Assert.Equal(
            "--- a/souls/river-warden/metadata.yaml\n" +
            "+++ b/souls/river-warden/metadata.yaml\n" +
            "@@ -1,5 +1,5 @@\n" +
            " title: 'River Warden'\n" +
            "-slug: 'river-wardens'\n" +
            "+slug: 'river-warden'\n" +
            " aliases: []\n" +
            " category: 'Government'\n" +
            " tags: ['fixture']\n",
            stdout);
        Assert.Equal("soul-lint: --fix would apply 1 fix to 1 file\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(yaml));

        // The report, as if fixed, goes only where --output says.
        var report = Path.Combine(temp.Path, "report.json");
        var (withReport, diffAgain, _) = CliHarness.Run(temp.Path, "--fix-dry-run", "--format", "json", "--output", report, "--today", Today);
        Assert.Equal(1, withReport);
        Assert.Equal(stdout, diffAgain);
        Assert.Equal(1, (int)Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(report))["summary"]!["fixed"]!);
    }

    [Fact]
    public void Fix_writes_the_repaired_file_and_keeps_the_layout_and_the_byte_order_mark_of_a_record()
    {
        using var temp = new TempFolder();
        var source = Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid");
        temp.CopyFrom(source);
        File.Delete(Path.Combine(temp.Path, "expected.txt"));
        File.Delete(Path.Combine(temp.Path, "river-warden.json.fixed"));
        var path = Path.Combine(temp.Path, "river-warden.json");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(path)).ToArray());

        var (exit, stdout, _) = CliHarness.Run(temp.Path, "--fix", "--format", "json", "--today", Today);
        Assert.Equal(0, exit);
        Assert.Equal(1, (int)Newtonsoft.Json.Linq.JObject.Parse(stdout)["summary"]!["fixed"]!);

        var fixedBytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, fixedBytes.Take(3));
        var expected = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "valid", "river-warden.json"));
        Assert.Equal(expected, new UTF8Encoding(false).GetString(fixedBytes, 3, fixedBytes.Length - 3));
        Assert.Equal(2, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void Fixed_counts_the_fixes_applied_and_suggestions_are_never_applied()
    {
        using var temp = new TempFolder();
        temp.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "related-self", "invalid-source-block"));
        var outcome = Lint.Fix(Lint.AllRules(), temp.Path);

        // One entry removed; the broken slug beside it is only suggested a replacement.
        Assert.Equal(1, outcome.Fixed);
        var yaml = Assert.Single(outcome.Changed).Value;
        Assert.Contains("slug: river-warden2", yaml, StringComparison.Ordinal);
        var broken = Assert.Single(outcome.Result.Diagnostics, d => d.Rule == RuleCatalogue.RelatedExists);
        Assert.Null(broken.Fix);
        Assert.False(broken.Fixable);
        Assert.Equal("Replace \"river-warden2\" with \"river-warden\"", Assert.Single(broken.Suggestions!).Title);
    }

    [Fact]
    public void A_duplicate_that_says_something_else_is_a_suggestion_not_a_fix()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "rules", "related-duplicate", "invalid-source"));
        var duplicate = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.RelatedDuplicate);
        Assert.Null(duplicate.Fix);
        var suggestion = Assert.Single(duplicate.Suggestions!);
        Assert.Equal("Remove this entry (type \"adjacent\") and keep entry 1 (type \"related\")", suggestion.Title);

        var text = duplicate.Source!.Text;
        var (applied, _) = EditApplier.Apply(text, suggestion.Edits);
        Assert.DoesNotContain("type: 'adjacent'", applied, StringComparison.Ordinal);
        Assert.Contains("  - { slug: 'bridge-keeper', type: 'related' }\nspecializations: []", applied, StringComparison.Ordinal);
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

    [Fact]
    public void A_fix_of_several_edits_is_applied_whole_or_waits_whole()
    {
        var file = new SourceFile("/x.yaml", "x.yaml", "a: 1\nb: 2\nc: 3\n");
        IReadOnlyList<TextEdit> both = new[] { new TextEdit(new SourceRange(file, 3, 4), "one"), new TextEdit(new SourceRange(file, 13, 14), "three") };
        IReadOnlyList<TextEdit> first = new[] { new TextEdit(new SourceRange(file, 0, 4), "A: 1") };

        // The first fix overlaps one of the two edits: the other edit (c) is not applied either.
        var (text, mark, applied) = EditApplier.Apply(file.Text, false, new[] { both, first });
        Assert.Equal("A: 1\nb: 2\nc: 3\n", text);
        Assert.False(mark);
        Assert.Equal(1, applied);

        var (alone, _, once) = EditApplier.Apply(file.Text, false, new[] { both });
        Assert.Equal("a: one\nb: 2\nc: three\n", alone);
        Assert.Equal(1, once);
    }

    [Fact]
    public void A_byte_order_mark_is_removed_by_its_own_edit()
    {
        var file = new SourceFile("/SOUL.md", "SOUL.md", "# Title\n") { HasByteOrderMark = true };
        var (text, mark, applied) = EditApplier.Apply(file.Text, true, new IReadOnlyList<TextEdit>[] { new[] { TextEdit.RemoveByteOrderMark(file) } });
        Assert.Equal("# Title\n", text);
        Assert.False(mark);
        Assert.Equal(1, applied);
    }

    /// <summary>Copies a fixture case (without its expectations), with CRLF line endings when asked; returns each file's expected bytes after --fix.</summary>
    internal static Dictionary<string, byte[]> CopyCase(string folder, string target, bool crlf)
    {
        var expected = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative == "expected.txt" || relative.EndsWith(".fixed", StringComparison.Ordinal))
            {
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllBytes(to, LineEndings(File.ReadAllBytes(file), crlf));
            var fixedFile = file + ".fixed";
            expected[relative] = LineEndings(File.ReadAllBytes(File.Exists(fixedFile) ? fixedFile : file), crlf);
        }

        return expected;
    }

    /// <summary>The bytes with every LF that is not already part of a CRLF turned into CRLF (or left alone).</summary>
    internal static byte[] LineEndings(byte[] bytes, bool crlf)
    {
        if (!crlf)
        {
            return bytes;
        }

        var result = new List<byte>(bytes.Length + 64);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r'))
            {
                result.Add((byte)'\r');
            }

            result.Add(bytes[i]);
        }

        return result.ToArray();
    }

    private static void AssertFiles(string folder, Dictionary<string, byte[]> expected)
    {
        var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Keys.OrderBy(f => f, StringComparer.Ordinal), present);
        foreach (var (relative, bytes) in expected)
        {
            var actual = File.ReadAllBytes(Path.Combine(folder, relative));
            Assert.True(bytes.SequenceEqual(actual), $"{relative} differs from its expected bytes:\n--- expected\n{Encoding.UTF8.GetString(bytes)}\n--- actual\n{Encoding.UTF8.GetString(actual)}");
        }
    }
}

/// <summary>A fact that runs git, skipped with the reason where git is not installed.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && (File.Exists(Path.Combine(dir, "git")) || File.Exists(Path.Combine(dir, "git.exe")))))
        {
            Skip = "git is not installed";
        }
    }
}

/// <summary>The unified diff of --fix-dry-run: its shape, and that git applies it.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Hunks_have_three_lines_of_context_and_join_when_they_are_close()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var after = before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 8\n", string.Empty, StringComparison.Ordinal).Replace("line 19\n", "line 19\nline 19b\n", StringComparison.Ordinal);
        Assert.Equal(
            "--- a/x.md\n+++ b/x.md\n" +
            "@@ -1,11 +1,10 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n line 6\n line 7\n-line 8\n line 9\n line 10\n line 11\n" +
            "@@ -17,4 +16,5 @@\n line 17\n line 18\n line 19\n+line 19b\n line 20\n",
            Formatting.UnifiedDiff.Format("x.md", before, after));
    }

    [Fact]
    public void A_missing_final_line_break_and_crlf_line_endings_are_shown_as_they_are()
    {
        Assert.Equal(
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
            Formatting.UnifiedDiff.Format("x", "a\r\nb", "a\r\nc"));
        Assert.Equal("--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n", Formatting.UnifiedDiff.Format("x", string.Empty, "new\n"));
        Assert.Equal(string.Empty, Formatting.UnifiedDiff.Format("x", "same\n", "same\n"));
    }

    [GitFact]
    public void Git_applies_the_diff_of_any_two_texts() =>
        Gen.Select(Gen.Int[0, 3].Array[0, 30], Gen.Int[0, 3].Array[0, 30], Gen.Bool, Gen.Bool)
            .Sample((a, b, finalA, finalB) =>
            {
                static string Text(int[] lines, bool final) => string.Join("\n", lines.Select(l => "l" + l)) + (final && lines.Length > 0 ? "\n" : string.Empty);
                var before = Text(a, finalA);
                var after = Text(b, finalB);
                var diff = Formatting.UnifiedDiff.Format("f.txt", before, after);
                if (before == after)
                {
                    Assert.Equal(string.Empty, diff);
                    return;
                }

                using var temp = new TempFolder();
                File.WriteAllText(Path.Combine(temp.Path, "f.txt"), before);
                File.WriteAllText(Path.Combine(temp.Path, "p.diff"), diff);
                var (code, output) = ProcessRunner.Run("git", temp.Path, "apply", "--unsafe-paths", "--whitespace=nowarn", "p.diff");
                Assert.True(code == 0, output + "\n" + diff);
                Assert.Equal(after, File.ReadAllText(Path.Combine(temp.Path, "f.txt")));
            }, iter: 150);
}
