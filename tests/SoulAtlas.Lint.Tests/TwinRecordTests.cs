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

    [Fact]
    public void A_copy_parsed_once_gets_every_diagnostic_fix_and_suggestion_of_a_copy_read_on_its_own()
    {
        // Every rule fixture, with a byte-identical copy of each of its records in another folder:
        // the run that parses each set of copies once must report what the run that reads every
        // copy on its own reports, every fix and suggestion placed in the copy it is for.
        var cases = Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "rules"))
            .SelectMany(Directory.GetDirectories)
            .Where(c => Directory.EnumerateFiles(c, "*.json", SearchOption.AllDirectories).Any(f => Path.GetFileName(f) != "soul-lint.json"))
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
        Assert.True(cases.Count > 50, $"only {cases.Count} fixtures hold records");
        var copiesWithFindings = 0;
        var copiesWithRepairs = 0;
        foreach (var folder in cases)
        {
            var files = new List<(string Path, byte[] Bytes)>();
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".fixed", StringComparison.Ordinal)))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var bytes = File.ReadAllBytes(file);
                files.Add(("case/" + relative, bytes));
                if (relative.EndsWith(".json", StringComparison.Ordinal) && Path.GetFileName(relative) != "soul-lint.json")
                {
                    files.Add(("copy/" + relative, bytes));
                }
            }

            var shared = Everything(files, shareTwins: true);
            var alone = Everything(files, shareTwins: false);
            Assert.True(alone.SequenceEqual(shared), $"{Path.GetRelativePath(TestPaths.Fixtures, folder)}:\n  read alone:\n    {string.Join("\n    ", alone)}\n  parsed once:\n    {string.Join("\n    ", shared)}");
            copiesWithFindings += shared.Any(d => d.StartsWith("copy/", StringComparison.Ordinal)) ? 1 : 0;
            copiesWithRepairs += shared.Any(d => d.StartsWith("copy/", StringComparison.Ordinal) && d.Contains(" edit copy/", StringComparison.Ordinal)) ? 1 : 0;
        }

        Assert.True(copiesWithFindings > 20, $"copies with findings: {copiesWithFindings}");
        Assert.True(copiesWithRepairs > 3, $"copies with fixes or suggestions: {copiesWithRepairs}");
    }

    /// <summary>Every diagnostic, with the file, span and text of each edit of its fix and suggestions.</summary>
    private static List<string> Everything(IEnumerable<(string Path, byte[] Bytes)> files, bool shareTwins)
    {
        var documents = files.Select(f => ContentFile.FromBytes(Path.Combine(Root, f.Path), f.Bytes)).ToList();
        var result = Tests.Lint.Engine.Lint(new LintRequest(documents, Tests.Lint.AllRules()) { BaseDirectory = Root, ShareTwins = shareTwins });
        string Edits(IEnumerable<TextEdit> edits) => string.Join(" ", edits.Select(e =>
            $"edit {Path.GetRelativePath(Root, e.Range.File.FullPath).Replace('\\', '/')}[{e.Range.Start},{e.Range.End})={e.NewText}"));
        return result.Diagnostics
            .Select(d => $"{d.File.Replace('\\', '/')}:{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.Severity} {d.Rule.Name} {d.Message}"
                + (d.Fix is { } fix ? " fix " + Edits(fix) : string.Empty)
                + string.Concat((d.Suggestions ?? Array.Empty<Suggestion>()).Select(s => $" suggest {s.Title}: {Edits(s.Edits)}")))
            .ToList();
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
