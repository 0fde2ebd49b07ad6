using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Rules;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The catalogue and docs/rules agree: every rule has a page, every page a rule, and the headers match.</summary>
public sealed class DocsTests
{
    private static string DocsFolder => Path.Combine(TestPaths.RepositoryRoot, "docs", "rules");

    [Fact]
    public void Every_rule_has_a_page_whose_header_matches_the_catalogue()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            var path = Path.Combine(DocsFolder, rule.Name + ".md");
            Assert.True(File.Exists(path), $"docs/rules/{rule.Name}.md is missing");
            var lines = File.ReadAllLines(path);
            Assert.Equal($"# {rule.Name} ({rule.Id})", lines[0]);
            Assert.Equal(rule.Description, lines[2]);
            Assert.Contains($"- Default severity: {rule.DefaultSeverity.ToName()}", lines);
            Assert.Contains($"- Applies to: {(rule.Scope == RuleScope.All ? "records and sources" : rule.Scope == RuleScope.Records ? "records" : "sources")}", lines);
            Assert.Contains($"- Fixable: {(rule.Fixable ? "yes" : "no")}", lines);
            Assert.Contains("## Bad", lines);
            Assert.Contains("## Good", lines);
            Assert.Equal(File.ReadAllText(path), RuleDocs.Page(rule));
        }
    }

    [Fact]
    public void Every_page_names_a_rule()
    {
        foreach (var page in Directory.GetFiles(DocsFolder, "*.md"))
        {
            Assert.NotNull(RuleCatalogue.Find(Path.GetFileNameWithoutExtension(page)));
        }
    }

    [Fact]
    public void Rule_ids_and_names_are_unique_and_well_formed()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RuleCatalogue.All, r => Assert.Matches("^SOUL[0-9]{3}$", r.Id));
        Assert.All(RuleCatalogue.All, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name));
    }
}
