using System;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Tests;
using Xunit;

namespace SoulAtlas.Lint.Hostile;

/// <summary>Odd but valid input gets a clear, located diagnostic; never an internal exception text, never a crash.</summary>
public sealed class HostileInputTests
{
    internal static string FixtureRecord => File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", "deckhand.json"));

    internal static string FixtureSoul => File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "souls", "deckhand", "SOUL.md"));

    internal static string FixtureMetadata => File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "souls", "deckhand", "metadata.yaml"));

    private static string RecordWith(Action<JObject> change)
    {
        var record = JObject.Parse(FixtureRecord);
        change(record);
        return record.ToString();
    }

    private static string Repeat(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));

    /// <summary>A SOUL.md whose second section ("Core Mission") has <paramref name="body"/> as a second paragraph.</summary>
    private static (string Soul, int Line) SoulWithParagraph(string body)
    {
        var soul = FixtureSoul;
        var at = soul.IndexOf("## Core Mission\n\n", StringComparison.Ordinal) + "## Core Mission\n\n".Length;
        var paragraphEnd = soul.IndexOf("\n\n", at, StringComparison.Ordinal);
        var text = soul.Substring(0, paragraphEnd) + "\n\n" + body + soul.Substring(paragraphEnd);
        var line = text.Take(paragraphEnd + 2).Count(c => c == '\n') + 1;
        return (text, line);
    }

    [Fact]
    public void Markdig_nesting_limit_is_a_resource_limit_at_the_SOUL_md_paragraph()
    {
        var (soul, line) = SoulWithParagraph(Repeat("[a ", 20_000) + " *x*");
        var findings = HostileHarness.Source(soul, FixtureMetadata, slug: "deckhand");
        var limit = Assert.Single(findings, f => f.Rule == "resource-limit");
        Assert.Equal("souls/deckhand/SOUL.md", limit.File);
        Assert.Equal(line, limit.Line);
        Assert.Equal(1, limit.Column);
        Assert.Contains("nested more deeply", limit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[a](", 50_000)]
    [InlineData("http://a.example ", 20_000)]
    [InlineData("www.a.example ", 20_000)]
    [InlineData("[x]: /a \"", 20_000)]
    [InlineData("*a ", 20_000)]
    [InlineData("~~a ", 20_000)]
    public void A_paragraph_that_would_take_quadratic_time_is_a_resource_limit_at_its_line(string piece, int count)
    {
        // Emphasis at the end makes the body rules read the section.
        var (soul, line) = SoulWithParagraph(Repeat(piece, count) + " *x*");
        var findings = HostileHarness.Source(soul, FixtureMetadata, slug: "deckhand");
        var limit = Assert.Single(findings, f => f.Rule == "resource-limit");
        Assert.Equal(line, limit.Line);
        Assert.Contains("too costly to check", limit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_sections_are_within_the_work_budget()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "corpus", "souls"), "SOUL.md", SearchOption.AllDirectories))
        {
            var markdown = File.ReadAllText(file);
            Assert.True(BodyMarkdown.WithinWorkBudget(markdown), file);
        }

        // A long paragraph with a few hundred links and autolinks is prose, not an attack.
        var links = Repeat("See [the guide](https://example.com/guide) and https://example.org/x for more on the matter at hand. ", 300);
        Assert.True(BodyMarkdown.WithinWorkBudget(links));
    }

    [Fact]
    public void An_unparsed_body_is_still_searched_for_script()
    {
        var (soul, _) = SoulWithParagraph(Repeat("[a](", 50_000) + " <script>alert(1)</script>");
        var findings = HostileHarness.Source(soul, FixtureMetadata, slug: "deckhand");
        Assert.Contains(findings, f => f.Rule == "unsafe-html" && f.Message.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_past_the_nesting_limit_does_not_escape_the_computation()
    {
        var json = RecordWith(r => r["sections"]![0]!["heading"] = Repeat("[a ", 40_000));
        var findings = HostileHarness.Record(json, slug: "deckhand");
        Assert.DoesNotContain(findings, f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lone_surrogate_escape_is_read_and_reported_at_its_string()
    {
        var json = FixtureRecord.Replace("\"title\": \"Deckhand\"", "\"title\": \"Deck\\ud800hand\"", StringComparison.Ordinal);
        var findings = HostileHarness.Record(json, slug: "deckhand");
        // Both the record's title and metadata.title hold it.
        var warnings = findings.Where(f => f.Rule == "invalid-encoding").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal((3, 12, 3, 28), (warnings[0].Line, warnings[0].Column, warnings[0].EndLine, warnings[0].EndColumn));
        Assert.Contains("surrogate", warnings[0].Message, StringComparison.Ordinal);

        // The record was read: the other rules ran on it.
        Assert.Contains(findings, f => f.Rule == "citation");
    }

    [Fact]
    public void Thousands_of_broken_links_get_a_did_you_mean_only_for_the_first_hundred()
    {
        // Each suggestion compares the name with every slug of the corpus: bounded per document.
        var slugs = Enumerable.Range(10, 90).Select(i => "deckhand" + i).Concat(Enumerable.Range(10, 60).Select(i => "deckhan" + i)).ToList();
        var related = string.Concat(slugs.Select(s => $"  - {{ slug: '{s}', type: 'adjacent' }}\n"));
        var yaml = FixtureMetadata.Replace("  - { slug: 'ship-captain', type: 'progression' }\n", related, StringComparison.Ordinal);
        Assert.NotEqual(FixtureMetadata, yaml);
        var broken = HostileHarness.Source(FixtureSoul, yaml, slug: "deckhand").Where(f => f.Rule == "related-exists").OrderBy(f => f.Line).ToList();
        Assert.Equal(slugs.Count, broken.Count);
        Assert.All(broken.Take(100), f => Assert.EndsWith("(did you mean \"deckhand\"?)", f.Message, StringComparison.Ordinal));
        Assert.All(broken.Skip(100), f => Assert.EndsWith("names no occupation in the corpus", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title: \"Deck\\ud800hand\"", 8)]
    [InlineData("title: \"\\udc00\"", 8)]
    [InlineData("summary: \"a \\U0001F600 b \\udbff\"", 10)]
    public void A_lone_surrogate_escape_in_yaml_is_an_invalid_yaml_error_at_its_string(string line, int column)
    {
        var key = line.Substring(0, line.IndexOf(':', StringComparison.Ordinal) + 1);
        var yaml = string.Join("\n", FixtureMetadata.Split('\n').Select(l => l.StartsWith(key, StringComparison.Ordinal) ? line : l));
        Assert.Contains(line, yaml, StringComparison.Ordinal);
        var findings = HostileHarness.Source(FixtureSoul, yaml, slug: "deckhand");
        var error = Assert.Single(findings, f => f.Rule == "invalid-yaml");
        var lineNumber = Array.FindIndex(yaml.Split('\n'), l => l == line) + 1;
        Assert.Equal((lineNumber, column), (error.Line, error.Column));
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_key_or_a_related_slug_does_not_break_the_index_scan()
    {
        var json = FixtureRecord.Replace("\"slug\": \"ship-captain\"", "\"slug\": \"ship-\\udc00captain\"", StringComparison.Ordinal)
            .Replace("\"aliases\": []", "\"\\ud801\": 1, \"aliases\": []", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        var (outcome, entry) = RecordIndexScanner.Scan("/x/deckhand.json", "deckhand.json", bytes, 64);
        Assert.Equal(ScanOutcome.Record, outcome);
        Assert.Contains("ship-\udc00captain", entry!.Related);
        Assert.DoesNotContain(HostileHarness.RecordBytes(bytes, slug: "deckhand"), f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("computed", "[]")]
    [InlineData("computed", "\"stale\"")]
    [InlineData("computed", "7")]
    [InlineData("git", "[]")]
    [InlineData("citation", "[1]")]
    [InlineData("metadata", "[]")]
    [InlineData("sections", "{}")]
    public void A_block_of_the_wrong_type_gets_diagnostics_not_exceptions(string key, string value)
    {
        var json = RecordWith(r => r[key] = JToken.Parse(value));
        var findings = HostileHarness.Record(json, slug: "deckhand");
        Assert.DoesNotContain(findings, f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("source: []")]
    [InlineData("source: 'somewhere'")]
    [InlineData("related: 5")]
    [InlineData("reviewers: {a: 1}")]
    public void Metadata_of_the_wrong_shape_gets_diagnostics_not_exceptions(string line)
    {
        var findings = HostileHarness.Source(FixtureSoul, FixtureMetadata + line + "\n", slug: "deckhand");
        Assert.DoesNotContain(findings, f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public void A_huge_title_is_not_copied_into_every_message()
    {
        var title = "T" + new string('x', 1_000_000);
        var json = RecordWith(r => r["title"] = title);
        var findings = HostileHarness.Record(json, slug: "deckhand");
        var mismatch = Assert.Single(findings, f => f.Rule == "title-matches");
        Assert.Contains("(1000001 characters)", mismatch.Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.True(f.Message.Length < 2_000, f.Rule + " " + f.Message.Length));
    }

    [Fact]
    public void Limits_cannot_be_raised_past_their_ceilings()
    {
        var limits = new LoadLimits { MaxYamlNodes = int.MaxValue, MaxDepth = int.MaxValue };
        Assert.Equal(LoadLimits.YamlNodesCeiling, limits.MaxYamlNodes);
        Assert.Equal(LoadLimits.DepthCeiling, limits.MaxDepth);
        Assert.Equal(1, new LoadLimits { MaxYamlNodes = -5, MaxDepth = 0 }.MaxYamlNodes);
    }

    [Fact]
    public void Billion_laughs_stops_at_the_ceiling_even_when_the_limit_is_raised()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var settings = HostileHarness.AllRules(new LoadLimits { MaxYamlNodes = int.MaxValue });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var findings = HostileHarness.Source(FixtureSoul, yaml.ToString(), settings, slug: "deckhand");
        var limit = Assert.Single(findings, f => f.Rule == "resource-limit");
        Assert.Equal("souls/deckhand/metadata.yaml", limit.File);
        Assert.Contains($"more than {LoadLimits.YamlNodesCeiling} nodes", limit.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 64 * 1024 * 1024);
    }

    [Fact]
    public void An_alias_is_counted_before_it_is_copied()
    {
        // 30 nodes behind the anchor, a budget of 40: the second alias would pass it, and is refused before its copy is made.
        var yaml = "a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]\nb: *x\n";
        var file = new Text.SourceFile("/m.yaml", "m.yaml", yaml);
        var problem = Assert.Throws<YamlSyntaxProblem>(() => YamlTreeReader.Read(file, 64, 40));
        Assert.True(problem.LimitExceeded);
        Assert.Equal(yaml.IndexOf("*x", StringComparison.Ordinal), problem.Offset);
    }

    [Fact]
    public void Nesting_past_the_depth_ceiling_is_a_resource_limit_whatever_the_configured_depth()
    {
        var json = Repeat("[", 5_000) + Repeat("]", 5_000);
        var findings = HostileHarness.Record(json, HostileHarness.AllRules(new LoadLimits { MaxDepth = int.MaxValue }));
        var limit = Assert.Single(findings, f => f.Rule == "resource-limit");
        Assert.Contains($"limit of {LoadLimits.DepthCeiling}", limit.Message, StringComparison.Ordinal);
    }
}
