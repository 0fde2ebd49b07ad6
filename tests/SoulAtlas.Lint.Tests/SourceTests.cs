using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using Xunit;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Tests;

/// <summary>Authored sources: metadata.yaml read as YAML 1.2 with locations, SOUL.md split as the site splits it.</summary>
public sealed class SourceTests
{
    private static JObject Yaml(string text) => (JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", text), 64, 1000).Root;

    [Fact]
    public void Yaml_scalars_resolve_as_js_yaml_resolves_them()
    {
        var m = Yaml("quoted: '2026-06-26'\nplain: 2026-06-26\nyes: yes\nno: off\nt: true\nn: null\ne:\ntilde: ~\ni: 42\nf: 0.5\nneg: -3\nhex: 0x1F\ns: \"42\"\nstr: !!str 17\n");
        Assert.Equal(JTokenType.String, m["quoted"]!.Type);
        Assert.Equal("2026-06-26T00:00:00.000Z", (string?)m["plain"]);
        Assert.Equal("yes", (string?)m["yes"]);
        Assert.Equal("off", (string?)m["no"]);
        Assert.Equal(JTokenType.Boolean, m["t"]!.Type);
        Assert.Equal(JTokenType.Null, m["n"]!.Type);
        Assert.Equal(JTokenType.Null, m["e"]!.Type);
        Assert.Equal(JTokenType.Null, m["tilde"]!.Type);
        Assert.Equal(42L, (long)m["i"]!);
        Assert.Equal(0.5, (double)m["f"]!);
        Assert.Equal(-3L, (long)m["neg"]!);
        Assert.Equal(31L, (long)m["hex"]!);
        Assert.Equal(JTokenType.String, m["s"]!.Type);
        Assert.Equal(JTokenType.String, m["str"]!.Type);
    }

    [Fact]
    public void Yaml_values_and_keys_carry_their_locations()
    {
        var file = new SourceFile("/m.yaml", "m.yaml", "title: 'River Warden'\nrelated:\n  - { slug: 'bridge-keeper', type: related }\n");
        var root = (JObject)YamlTreeReader.Read(file, 64, 1000).Root;
        var slug = root["related"]![0]!["slug"]!;
        var span = JsonLocations.SpanOf(slug)!;
        Assert.Equal(new LinePosition(3, 13), file.GetPosition(span.Start));
        Assert.Equal(new LinePosition(3, 28), file.GetPosition(span.End));
        Assert.Equal(new LinePosition(3, 7), file.GetPosition(span.KeyStart));
        Assert.Equal(new LinePosition(1, 8), file.GetPosition(JsonLocations.SpanOf(root["title"])!.Start));
    }

    [Fact]
    public void Yaml_duplicate_keys_are_collected_and_the_last_value_wins()
    {
        var file = new SourceFile("/m.yaml", "m.yaml", "status: draft\nslug: a\nstatus: stable\n");
        var (root, duplicates) = YamlTreeReader.Read(file, 64, 1000);
        var duplicate = Assert.Single(duplicates);
        Assert.Equal("status", duplicate.Key);
        Assert.Equal(3, file.GetPosition(duplicate.Repeated.Start).Line);
        Assert.Equal(1, file.GetPosition(duplicate.First.Start).Line);
        Assert.Equal("stable", (string?)root["status"]);
    }

    [Fact]
    public void Yaml_alias_expansion_is_bounded()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        var problem = Assert.Throws<YamlSyntaxProblem>(() => YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", bomb), 64, 20_000));
        Assert.True(problem.LimitExceeded);

        var fine = Yaml("a: &a [x, y]\nb: *a\n");
        Assert.Equal(new[] { "x", "y" }, fine["b"]!.Values<string>());
    }

    [Theory]
    [InlineData("title: [unclosed\n", 1, 8)]
    [InlineData("title: 'River\nslug: x\n", 1, 8)]
    [InlineData("a: b: c\n", 1, 5)]
    [InlineData("title: x\n---\ntitle: y\n", 2, 1)]
    public void Yaml_syntax_errors_are_located(string text, int line, int column)
    {
        var file = new SourceFile("/m.yaml", "m.yaml", text);
        var problem = Assert.Throws<YamlSyntaxProblem>(() => YamlTreeReader.Read(file, 64, 1000));
        var at = file.GetPosition(problem.Offset);
        Assert.Equal(line, at.Line);
        Assert.True(at.Column <= column + 1 && at.Column >= 1, $"column {at.Column}");
        Assert.False(problem.LimitExceeded);
    }

    [Fact]
    public void Soul_md_is_split_line_by_line_with_front_matter_skipped()
    {
        var text = "---\ntitle: ignored\n---\n# River Warden \n\nIntro is not a section.\n\n## Purpose\n\nKeeps the river.\n\n## Tools\n\n```\n## Inside a fence\n```\n\n# Not a second title\n";
        var file = new SourceFile("/SOUL.md", "SOUL.md", text);
        var soul = SoulMarkdownParser.Parse(file);
        Assert.Equal("River Warden", soul.Title);
        Assert.Equal(new LinePosition(4, 3), file.GetPosition(soul.TitleRange!.Value.Start));
        Assert.Equal(new[] { "Purpose", "Tools", "Inside a fence" }, soul.Sections.Select(s => s.Heading));
        Assert.Equal("Keeps the river.", soul.Sections[0].Markdown);
        Assert.Equal("```", soul.Sections[1].Markdown);
        Assert.Equal("```\n\n# Not a second title", soul.Sections[2].Markdown);
        var body = soul.Sections[0].MarkdownRange;
        Assert.Equal("Keeps the river.", text.Substring(body.Start, body.End - body.Start));
        Assert.Equal(new LinePosition(8, 4), file.GetPosition(soul.Sections[0].HeadingRange.Start));
    }

    [Fact]
    public void Soul_md_with_crlf_line_endings_keeps_markdown_a_substring_of_the_file()
    {
        var text = "# River Warden\r\n\r\n## Purpose\r\n\r\nKeeps the river.\r\nEvery day.\r\n";
        var file = new SourceFile("/SOUL.md", "SOUL.md", text);
        var section = Assert.Single(SoulMarkdownParser.Parse(file).Sections);
        Assert.Equal("Purpose", section.Heading);
        Assert.Equal("Keeps the river.\r\nEvery day.", section.Markdown);
        Assert.Equal(section.Markdown, text.Substring(section.MarkdownRange.Start, section.MarkdownRange.End - section.MarkdownRange.Start));
    }

    [Fact]
    public void A_record_and_the_source_it_was_built_from_are_one_occupation()
    {
        var result = Lint.Run(Path.Combine(TestPaths.Fixtures, "corpus"));
        Assert.DoesNotContain(result.Diagnostics, Lint.NotAHint);
        Assert.Equal(8, result.Occupations);
        Assert.Equal(24, result.Files);
    }

    [Fact]
    public void Git_ignored_paths_are_skipped_unless_asked_not_to()
    {
        using var repo = new TempFolder();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        var valid = Path.Combine(TestPaths.Fixtures, "rules", "schema", "valid");
        foreach (var file in Directory.GetFiles(valid))
        {
            repo.Write(Path.Combine("records", Path.GetFileName(file)), File.ReadAllText(file));
        }

        repo.Write("generated/api/river-warden.json", File.ReadAllText(Path.Combine(valid, "river-warden.json")));
        repo.Write(".gitignore", "generated/\n");

        var ignored = Lint.Run(repo.Path);
        Assert.DoesNotContain(ignored.Diagnostics, d => d.File.StartsWith("generated/", StringComparison.Ordinal));
        Assert.Empty(ignored.Diagnostics);

        var settings = Lint.AllRules();
        var all = Lint.Run(new LintSettings { Today = Lint.Today, Severities = settings.Severities }, useGitIgnore: false, repo.Path);
        Assert.Contains(all.Diagnostics, d => d.File == "generated/api/river-warden.json" && d.Rule == RuleCatalogue.DuplicateSlug);
    }

    [SharedDataFact]
    public void The_real_source_corpus_has_no_errors_and_only_the_known_warnings()
    {
        var corpus = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");
        var result = Lint.Run(new LintSettings { Today = Lint.Today }, corpus);
        Assert.Equal(654, result.Occupations);
        Assert.True(result.Count(Diagnostics.Severity.Error) == result.Diagnostics.Count(d => d.Rule == RuleCatalogue.SpecializationCycle), Lint.Describe(result.Diagnostics));
        Assert.All(result.Diagnostics, d => Assert.True(
            d.Rule == RuleCatalogue.DuplicateTitle || d.Rule == RuleCatalogue.TitleMatches || d.Rule == RuleCatalogue.RenderHazard || d.Rule == RuleCatalogue.BannedPhrase
            || d.Rule == RuleCatalogue.SpecializationCycle || d.Rule == RuleCatalogue.ContradictoryRelation,
            d.ToString()));

        // The graph's real contradictions: physician and emergency-physician, and physician and
        // psychiatrist, each list the other as a specialization (both entries of each pair); three
        // pairs where one side calls the other a specialization and the other calls it adjacent.
        Assert.Equal(
            new[] { "emergency-physician>physician", "physician>emergency-physician", "physician>psychiatrist", "psychiatrist>physician" },
            GraphFindings(result, RuleCatalogue.SpecializationCycle));
        Assert.Equal(
            new[]
            {
                "database-administrator>systems-administrator", "physician>surgeon", "procurement-specialist>supply-chain-manager",
                "supply-chain-manager>procurement-specialist", "surgeon>physician", "systems-administrator>database-administrator",
            },
            GraphFindings(result, RuleCatalogue.ContradictoryRelation));
        Assert.Equal(10, result.Diagnostics.Count(d => d.Rule == RuleCatalogue.DuplicateTitle || d.Rule == RuleCatalogue.TitleMatches));
    }

    /// <summary>"slug>other" for each finding of a graph rule, sorted (the message names the other soul second).</summary>
    private static string[] GraphFindings(LintResult result, RuleDescriptor rule) => result.Diagnostics
        .Where(d => d.Rule == rule)
        .Select(d => d.Slug + ">" + System.Text.RegularExpressions.Regex.Match(d.Message, "^(?:specialization cycle [^ ]+ → |\"[^\"]+\" lists \")([^ \"]+)").Groups[1].Value)
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToArray();

    [SharedDataFact]
    public void Computed_metadata_from_source_folders_equals_the_published_records()
    {
        var corpus = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");
        var computed = Lint.Run(corpus).Computed.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(TestPaths.RecordsSample, "*.json"))
        {
            var record = JObject.Parse(File.ReadAllText(file));
            var c = computed[(string)record["slug"]!];
            var stored = (JObject)record["computed"]!;
            Assert.Equal((int)stored["wordCount"]!, c.WordCount);
            Assert.Equal((int)stored["readingTimeMinutes"]!, c.ReadingTimeMinutes);
            Assert.Equal((double)stored["completeness"]!, c.Completeness, 9);
            Assert.Equal(stored["backlinks"]!.Values<string>(), c.Backlinks);
            Assert.Equal((bool)stored["verified"]!, c.Verified);
            Assert.Equal((bool)stored["aiDrafted"]!, c.AiDrafted);
            Assert.Equal((bool)stored["unverifiedAiDraft"]!, c.UnverifiedAiDraft);
            Assert.Equal((bool)stored["federated"]!, c.Federated);
            Assert.Equal(record["sections"]!.Select(s => ((string)s["heading"]!, (string)s["id"]!, (int)s["wordCount"]!)), c.Sections.Select(s => (s.Heading, s.Id, s.WordCount)));
        }
    }

    [SharedDataFact]
    public void Published_records_beside_their_sources_agree_with_them()
    {
        using var mixed = new TempFolder();
        var corpus = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");
        foreach (var slug in Directory.GetFiles(TestPaths.RecordsSample, "*.json").Select(Path.GetFileNameWithoutExtension))
        {
            var folder = Directory.Exists(Path.Combine(corpus, "souls", slug!)) ? Path.Combine(corpus, "souls", slug!) : Path.Combine(corpus, "mirrored", "souls-directory", slug!);
            foreach (var file in Directory.GetFiles(folder))
            {
                mixed.Write(Path.Combine("souls", slug!, Path.GetFileName(file)), File.ReadAllText(file));
            }

            mixed.Write(Path.Combine("api", "souls", slug + ".json"), File.ReadAllText(Path.Combine(TestPaths.RecordsSample, slug + ".json")));
        }

        var result = Lint.Run(mixed.Path, "api");
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == RuleCatalogue.RecordSource || d.Rule == RuleCatalogue.DuplicateSlug);
        Assert.Equal(24, result.Occupations);
    }
}
