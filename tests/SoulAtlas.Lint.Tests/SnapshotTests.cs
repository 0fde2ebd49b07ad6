using System.IO;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Formatting;
using Snapshooter.Xunit;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Computed metadata locked as reviewed JSON snapshots (tests/…/__snapshots__).</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Computed_metadata_of_the_fixture_corpus()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "corpus"));
        Assert.Equal(8, result.Computed.Count);
        Snapshot.Match(JToken.Parse(ComputedFormatter.Format(result.Computed)));
    }

    [SharedDataFact]
    public void Computed_metadata_of_the_reference_record()
    {
        using var corpus = new TempFolder();
        corpus.CopyFrom(Path.Combine(TestPaths.Fixtures, "reference-links"));
        File.Copy(TestPaths.ReferenceRecord, Path.Combine(corpus.Path, "customs-officer.json"));
        var result = Lint.Run(corpus.Path, "customs-officer.json");
        Snapshot.Match(JToken.Parse(ComputedFormatter.Format(result.Computed)));
    }
}
