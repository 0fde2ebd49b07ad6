using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// A checkout holds each published record twice (the site generator writes public/api and
/// src/generated), and the checks that read nothing but their document run once for each set of
/// byte-identical records. Each copy must still get exactly the diagnostics it gets when it is
/// linted without its twin, at its own path; records that are not byte-identical share nothing.
/// </summary>
public sealed class TwinRecordTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "soul-lint-twins-" + Guid.NewGuid().ToString("N"));

    private static readonly RuleDescriptor[] DocumentOnly = { RuleCatalogue.SectionHtml, RuleCatalogue.Schema, RuleCatalogue.UnsafeHtml };

    [Theory]
    [InlineData("section-html", "invalid-stale")]
    [InlineData("schema", "invalid-date")]
    [InlineData("schema", "invalid-enum")]
    [InlineData("schema", "invalid-extra-property")]
    [InlineData("schema", "invalid-type")]
    [InlineData("unsafe-html", "invalid-record")]
    [InlineData("unsafe-html", "invalid-stored-html")]
    public void Each_copy_of_a_record_gets_the_diagnostics_it_gets_alone(string rule, string fixture)
    {
        var folder = Path.Combine(TestPaths.Fixtures, "rules", rule, fixture);
        var files = Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

        var together = Lint(files.SelectMany(f => new[] { ("api/" + f.Key, f.Value), ("generated/" + f.Key, f.Value) }));
        var apiAlone = Lint(files.Select(f => ("api/" + f.Key, f.Value)));
        var generatedAlone = Lint(files.Select(f => ("generated/" + f.Key, f.Value)));

        Assert.NotEmpty(apiAlone);
        Assert.Equal(apiAlone, together.Where(d => d.StartsWith("api/", StringComparison.Ordinal)).ToList());
        Assert.Equal(generatedAlone, together.Where(d => d.StartsWith("generated/", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void Records_of_one_length_and_one_beginning_that_differ_later_share_nothing()
    {
        var path = Path.Combine(TestPaths.Fixtures, "rules", "section-html", "invalid-stale", "bridge-keeper.json");
        var original = File.ReadAllBytes(path);
        var text = Encoding.UTF8.GetString(original);

        // One letter of a section's stored html, past the part digested first, changed for another.
        var at = text.IndexOf("\"html\"", 5000, StringComparison.Ordinal);
        Assert.True(at > 4096, "the fixture has no html past its first 4 KB");
        var letter = text.IndexOf("the", at, StringComparison.Ordinal);
        var changed = Encoding.UTF8.GetBytes(text[..letter] + "thx" + text[(letter + 3)..]);
        Assert.Equal(original.Length, changed.Length);
        Assert.Equal(original.Take(4096), changed.Take(4096));

        var together = Lint(new[] { ("api/bridge-keeper.json", original), ("generated/bridge-keeper.json", changed) });
        var changedAlone = Lint(new[] { ("generated/bridge-keeper.json", changed) });
        var originalAlone = Lint(new[] { ("api/bridge-keeper.json", original) });

        // The change is one more stale section: had the two shared findings, the copy would lack it.
        Assert.Equal(originalAlone.Count + 1, changedAlone.Count);
        Assert.Equal(changedAlone, together.Where(d => d.StartsWith("generated/", StringComparison.Ordinal)).ToList());
        Assert.Equal(originalAlone, together.Where(d => d.StartsWith("api/", StringComparison.Ordinal)).ToList());
    }

    /// <summary>The diagnostics of the document-only rules, as path, span, rule and message.</summary>
    private static List<string> Lint(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var documents = files.Select(f => ContentFile.FromBytes(Path.Combine(Root, f.Path), f.Bytes)).ToList();
        var result = Tests.Lint.Engine.Lint(new LintRequest(documents, Tests.Lint.AllRules()) { BaseDirectory = Root });
        return result.Diagnostics
            .Where(d => DocumentOnly.Contains(d.Rule))
            .Select(d => $"{d.File.Replace('\\', '/')}:{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.Rule.Name} {d.Message}")
            .ToList();
    }
}
