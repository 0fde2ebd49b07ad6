using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Rules;
using Xunit;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Tests;

/// <summary>The published records in ../shared are the reference for computed metadata (§2).</summary>
public sealed class RealDataTests
{
    [SharedDataFact]
    public void Recomputed_metadata_equals_every_published_sample_record()
    {
        var result = Lint.Run(TestPaths.RecordsSample);
        var computed = result.Computed.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var files = Directory.GetFiles(TestPaths.RecordsSample, "*.json");
        Assert.Equal(24, files.Length);
        foreach (var file in files)
        {
            var record = JObject.Parse(File.ReadAllText(file));
            var stored = (JObject)record["computed"]!;
            var c = computed[(string)record["slug"]!];
            Assert.Equal((int)stored["wordCount"]!, c.WordCount);
            Assert.Equal((double)stored["readingTimeMinutes"]!, c.ReadingTimeMinutes);
            Assert.Equal((double)stored["completeness"]!, c.Completeness, 9);
            Assert.Equal((bool)stored["verified"]!, c.Verified);
            Assert.Equal((bool)stored["aiDrafted"]!, c.AiDrafted);
            Assert.Equal((bool)stored["unverifiedAiDraft"]!, c.UnverifiedAiDraft);
            Assert.Equal((bool)stored["federated"]!, c.Federated);
            var sections = (JArray)record["sections"]!;
            Assert.Equal(sections.Count, c.Sections.Count);
            for (var i = 0; i < sections.Count; i++)
            {
                Assert.Equal((string)sections[i]["heading"]!, c.Sections[i].Heading);
                Assert.Equal((string)sections[i]["id"]!, c.Sections[i].Id);
                Assert.Equal((int)sections[i]["wordCount"]!, c.Sections[i].WordCount);
            }
        }
    }

    [SharedDataFact]
    public void The_sample_reports_only_links_to_occupations_outside_the_sample()
    {
        var sampleSlugs = Directory.GetFiles(TestPaths.RecordsSample, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var result = Lint.Run(new Configuration.LintSettings { Today = Lint.Today }, TestPaths.RecordsSample);

        Assert.NotEmpty(result.Diagnostics);
        foreach (var d in result.Diagnostics)
        {
            Assert.True(d.Rule == RuleCatalogue.RelatedExists || d.Rule == RuleCatalogue.Backlinks, d.ToString());
            var named = System.Text.RegularExpressions.Regex.Match(d.Message, "\"([a-z0-9-]+)\"").Groups[1].Value;
            Assert.False(sampleSlugs.Contains(named), $"names a slug inside the sample: {d}");
            Assert.Equal(1, d.Line);
        }
    }

    [SharedDataFact]
    public void The_reference_record_lints_clean_among_the_occupations_it_links_to()
    {
        using var corpus = TestCorpora.ReferenceAmongItsLinks();

        var single = Lint.Run(corpus.Path, "customs-officer.json");
        Assert.True(!single.Diagnostics.Any(Lint.NotAHint), Lint.Describe(single.Diagnostics));
        Assert.Equal(1, single.Occupations);

        var whole = Lint.Run(corpus.Path);
        Assert.True(!whole.Diagnostics.Any(Lint.NotAHint), Lint.Describe(whole.Diagnostics));
        Assert.Equal(7, whole.Occupations);
    }

    [SharedDataFact]
    public void Without_its_link_targets_the_reference_record_reports_each_broken_link()
    {
        using var corpus = new TempFolder();
        File.Copy(TestPaths.ReferenceRecord, Path.Combine(corpus.Path, "customs-officer.json"));
        var result = Lint.Run(corpus.Path);
        Assert.Equal(5, result.Diagnostics.Count(d => d.Rule == RuleCatalogue.RelatedExists));
        Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.Backlinks && d.Message.Contains("\"postal-worker\"", StringComparison.Ordinal));
    }
}
