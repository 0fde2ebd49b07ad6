using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SoulAtlas.Lint.Diagnostics;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>The descriptors are the rule catalogue's, and the release-tracking files say so.</summary>
public sealed class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] Supported = new SoulLintAnalyzer().SupportedDiagnostics.ToArray();

    [Fact]
    public void Every_rule_of_the_catalogue_is_a_supported_diagnostic_with_its_metadata()
    {
        Assert.Equal(
            RuleCatalogue.All.Select(r => r.Id).Prepend(SoulLintDescriptors.ConfigProblem.Id).OrderBy(id => id, StringComparer.Ordinal),
            Supported.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        foreach (var rule in RuleCatalogue.All)
        {
            var d = Supported.Single(s => s.Id == rule.Id);
            Assert.Equal(rule.Description, d.Title.ToString());
            Assert.Equal(rule.Details, d.Description.ToString());
            Assert.Equal("{0}", d.MessageFormat.ToString());
            Assert.Equal(rule.DefaultSeverity != Severity.Off, d.IsEnabledByDefault);
            Assert.Equal(rule.DefaultSeverity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                Severity.Info => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Warning,
            }, d.DefaultSeverity);
            Assert.StartsWith("SoulAtlas.", d.Category, StringComparison.Ordinal);
            Assert.Contains(rule.Name, d.CustomTags);
        }
    }

    [Fact]
    public void Every_help_link_names_a_rule_page_that_exists()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            var link = Supported.Single(s => s.Id == rule.Id).HelpLinkUri;
            Assert.Equal($"https://github.com/soul-atlas/soul-lint/blob/main/docs/rules/{rule.Name}.md", link);
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", rule.Name + ".md")), $"{link} has no page in docs/rules");
        }

        var config = SoulLintDescriptors.ConfigProblem.HelpLinkUri;
        var anchor = config.Substring(config.IndexOf('#', StringComparison.Ordinal) + 1);
        var page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "analyzer.md"));
        Assert.Contains("## " + char.ToUpperInvariant(anchor[0]) + anchor.Substring(1), page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The release tracker (RS2000–RS2008) sees only descriptors built from constants; the rule
    /// descriptors are generated, so this test holds AnalyzerReleases.Unshipped.md to them.
    /// </summary>
    [Fact]
    public void The_unshipped_release_lists_every_descriptor_with_its_category_and_severity()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint.Analyzers");
        var rows = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md")))
            .Where(l => l.StartsWith("SOUL", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

        Assert.Equal(Supported.Length, rows.Count);
        foreach (var d in Supported)
        {
            var row = Assert.Single(rows, r => r[0] == d.Id);
            Assert.Equal(d.Category, row[1]);
            Assert.Equal(d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Disabled", row[2]);
        }
    }
}
