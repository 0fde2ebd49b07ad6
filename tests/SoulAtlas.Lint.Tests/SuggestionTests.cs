using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Fixing;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Suggestions are edits an editor applies for the user: each one, applied, must clear the diagnostic it came with.</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("related-exists", "invalid", 1)]
    [InlineData("related-exists", "invalid-source", 1)]
    [InlineData("markdown-link", "invalid-record", 1)]
    [InlineData("markdown-link", "invalid-source", 4)]
    [InlineData("title-matches", "invalid", 2)]
    [InlineData("title-matches", "invalid-source", 2)]
    [InlineData("related-duplicate", "invalid-source", 1)]
    public void Each_suggestion_applied_clears_its_diagnostic(string ruleName, string caseName, int expected)
    {
        var rule = RuleCatalogue.Find(ruleName)!;
        var folder = Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName);
        var suggested = Lint.Run(folder).Diagnostics.Where(d => d.Rule == rule && d.Suggestions is not null).ToList();
        Assert.Equal(expected, suggested.Sum(d => d.Suggestions!.Count));
        Assert.All(suggested, d => Assert.Null(d.Fix));

        foreach (var diagnostic in suggested)
        {
            foreach (var suggestion in diagnostic.Suggestions!)
            {
                using var temp = new TempFolder();
                temp.CopyTree(folder);
                foreach (var file in suggestion.Edits.GroupBy(e => e.Range.File.FullPath, StringComparer.Ordinal))
                {
                    var target = Path.Combine(temp.Path, Path.GetRelativePath(folder, file.Key));
                    var (text, applied) = EditApplier.Apply(file.First().Range.File.Text, file);
                    Assert.Equal(file.Count(), applied);
                    File.WriteAllText(target, text);
                }

                var after = Lint.Run(temp.Path).Diagnostics.Where(d => d.Rule == rule).ToList();
                Assert.DoesNotContain(after, d => d.File == diagnostic.File && d.Message == diagnostic.Message);
                Assert.Equal(Lint.Run(folder).Diagnostics.Count(d => d.Rule == rule) - 1, after.Count);
            }
        }
    }

    [Fact]
    public void A_link_written_with_escapes_gets_the_hint_but_no_edit()
    {
        using var temp = new TempFolder();
        temp.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "markdown-link", "valid-source"));
        var body = Path.Combine(temp.Path, "souls", "bridge-keeper", "SOUL.md");
        File.WriteAllText(body, File.ReadAllText(body).Replace("## Purpose\n\n", "## Purpose\n\nSee [the warden](/souls/river%2Dwardn).\n\n", StringComparison.Ordinal));
        var link = Assert.Single(Lint.Run(temp.Path).Diagnostics, d => d.Rule == RuleCatalogue.MarkdownLink);
        Assert.Contains("did you mean \"river-warden\"", link.Message, StringComparison.Ordinal);
        Assert.Null(link.Suggestions);
    }
}
