using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Formatting;
using Snapshooter.Xunit;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Computed metadata locked as reviewed JSON snapshots (tests/…/__snapshots__).</summary>
public sealed class SnapshotTests
{
    /// <summary>
    /// The bundled corpus holds every occupation twice: as a source folder and as the record built
    /// from it. Both forms must compute the same metadata, and that metadata is the snapshot.
    /// </summary>
    [Fact]
    public void Computed_metadata_of_the_fixture_corpus_is_the_same_from_sources_and_records()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "corpus"));
        var bySlug = result.Computed.GroupBy(c => c.Slug, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(8, bySlug.Count);
        foreach (var forms in bySlug)
        {
            Assert.Equal(2, forms.Count());
            Assert.Equal(ComputedFormatter.Format(new[] { forms.First() }), ComputedFormatter.Format(new[] { forms.Last() }));
        }

        Snapshot.Match(JToken.Parse(ComputedFormatter.Format(bySlug.Select(g => g.First()).ToList())));
    }

    [SharedDataFact]
    public void Computed_metadata_of_the_reference_record()
    {
        using var corpus = TestCorpora.ReferenceAmongItsLinks();
        var result = Lint.Run(corpus.Path, "customs-officer.json");
        Snapshot.Match(JToken.Parse(ComputedFormatter.Format(result.Computed)));
    }
}
