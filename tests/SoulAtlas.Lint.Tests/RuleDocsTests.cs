using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Rules;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>docs/rules/&lt;rule-name&gt;.md pages share one shape, and say what the catalogue says.</summary>
public sealed class RuleDocsTests
{
    private static string DocsFolder => Path.Combine(TestPaths.RepositoryRoot, "docs", "rules");

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(DocsFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(page));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_rule_page_matches_the_catalogue(string name)
    {
        var rule = RuleCatalogue.Find(name);
        Assert.True(rule is not null && rule.Name == name, $"docs/rules/{name}.md names no rule");
        var lines = File.ReadAllLines(Path.Combine(DocsFolder, name + ".md"));
        var scope = rule!.Scope switch
        {
            RuleScope.Records => "records",
            RuleScope.Sources => "sources",
            _ => "records and sources",
        };

        Assert.Equal($"# {rule.Name} ({rule.Id})", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal(rule.Description, lines[2]);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal($"- Default severity: {rule.DefaultSeverity.ToName()}", lines[4]);
        Assert.Equal($"- Applies to: {scope}", lines[5]);
        Assert.Equal($"- Fixable: {(rule.Fixable ? "yes" : "no")}", lines[6]);
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "## Why", "## Bad", "## Good" }, headings);
        Assert.Equal(4, lines.Count(l => l.StartsWith("```", StringComparison.Ordinal)));
    }
}
