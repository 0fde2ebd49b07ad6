using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Loading;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The index is built from a quick scan of each record; it must see what a full parse sees.</summary>
public sealed class IndexScanTests
{
    public static TheoryData<string> Records()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Fixtures, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.Fixtures, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void The_scan_of_a_record_agrees_with_its_full_parse(string relative)
    {
        var path = Path.Combine(TestPaths.Fixtures, relative);
        var bytes = File.ReadAllBytes(path);
        var full = RecordLoader.Parse(path, relative, bytes, LoadLimits.Default, new());
        var (outcome, entry) = RecordIndexScanner.Scan(path, relative, bytes, LoadLimits.Default.MaxDepth);

        var expected = full.Outcome switch
        {
            LoadOutcome.Occupation => ScanOutcome.Record,
            LoadOutcome.NotAnOccupation => ScanOutcome.NotARecord,
            _ => ScanOutcome.Broken,
        };
        Assert.Equal(expected, outcome);
        if (full.Document is null)
        {
            Assert.Null(entry);
            return;
        }

        var parsed = CorpusEntry.From(full.Document);
        Assert.NotNull(entry);
        Assert.Equal(parsed.Slug, entry!.Slug);
        Assert.Equal(parsed.Title, entry.Title);
        Assert.Equal(parsed.Aliases, entry.Aliases);
        Assert.Equal(parsed.Related, entry.Related);
        Assert.Equal(parsed.Relations, entry.Relations);
    }

    [SharedDataFact]
    public void The_scan_agrees_with_the_full_parse_on_the_published_records()
    {
        foreach (var path in Directory.GetFiles(TestPaths.RecordsSample, "*.json").Append(TestPaths.ReferenceRecord))
        {
            var bytes = File.ReadAllBytes(path);
            var parsed = CorpusEntry.From(RecordLoader.Parse(path, path, bytes, LoadLimits.Default, new()).Document!);
            var (_, entry) = RecordIndexScanner.Scan(path, path, bytes, LoadLimits.Default.MaxDepth);
            Assert.Equal((parsed.Slug, parsed.Title), (entry!.Slug, entry.Title));
            Assert.Equal(parsed.Aliases, entry.Aliases);
            Assert.Equal(parsed.Related, entry.Related);
            Assert.Equal(parsed.Relations, entry.Relations);
        }
    }
}
