using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Fixes in the files contributors edit, on a two-soul corpus held in memory: river-warden's
/// metadata.yaml is the one under test, bridge-keeper exists to be linked to.
/// </summary>
public sealed class SourceFixTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "soul-lint-source-fixes");
    private static readonly string Fixture = Path.Combine(TestPaths.Fixtures, "rules", "related-exists", "valid-source", "souls");
    private static readonly string RiverYaml = Path.Combine(Root, "souls", "river-warden", "metadata.yaml");
    private static readonly string RiverBody = Path.Combine(Root, "souls", "river-warden", "SOUL.md");

    /// <summary>Fixes the corpus with river-warden's files replaced; the new texts of the files that changed.</summary>
    private static FixOutcome Fix(string yaml, string? body = null)
    {
        var documents = new List<ContentFile>
        {
            ContentFile.FromText(RiverYaml, yaml),
            ContentFile.FromText(RiverBody, body ?? File.ReadAllText(Path.Combine(Fixture, "river-warden", "SOUL.md"))),
        };
        foreach (var name in new[] { "SOUL.md", "metadata.yaml" })
        {
            documents.Add(ContentFile.FromBytes(Path.Combine(Root, "souls", "bridge-keeper", name), File.ReadAllBytes(Path.Combine(Fixture, "bridge-keeper", name))));
        }

        return Lint.Engine.Fix(new LintRequest(documents, Lint.AllRules()) { BaseDirectory = Root });
    }

    private static string Yaml(string related, string slug = "'river-warden'", string created = "'2026-03-01'") =>
        $"title: 'River Warden'\nslug: {slug}\naliases: []\ncategory: 'Government'\ntags: ['fixture']\ndifficulty: 'intermediate'\n" +
        "summary: 'How a river warden reasons about everyday cases and the rare ones that matter most.'\n" +
        $"contributors: ['soul-lint-fixtures']\nlast_reviewed: null\nprovenance: 'human'\ncreated: {created}\nupdated: '2026-04-01'\n" +
        related + "specializations: []\ncountry_variants: []\nsources: []\nstatus: 'draft'\nreviewers: []\n";

    private static JToken Parse(string yaml)
    {
        var text = yaml.Length > 0 && yaml[0] == '\uFEFF' ? yaml.Substring(1) : yaml;
        return YamlTreeReader.Read(new SourceFile(RiverYaml, "metadata.yaml", text), 64, 20_000).Root;
    }

    private static string Fixed(FixOutcome outcome, string path, string before) => outcome.Changed.TryGetValue(path, out var text) ? text : before;

    [Theory]
    [InlineData("anchors and aliases", "x-base: &entry { slug: 'river-warden', type: 'related' }\nrelated:\n  - { slug: 'bridge-keeper', type: 'related' }\n  - *entry\n")]
    [InlineData("an anchored entry", "related:\n  - &self { slug: 'river-warden', type: 'related' }\n  - { slug: 'bridge-keeper', type: 'related' }\n")]
    [InlineData("a comment inside a flow list", "related: [{ slug: 'bridge-keeper', type: 'related' }, # the self link\n  { slug: 'river-warden', type: 'related' }]\n")]
    [InlineData("a suppression comment above the entry", "related:\n  - { slug: 'bridge-keeper', type: 'related' }\n  # soul-lint-disable-next-line orphan\n  - { slug: 'river-warden', type: 'related' }\n")]
    public void No_fix_removes_an_entry_where_it_could_change_more_than_the_entry(string why, string related)
    {
        var yaml = Yaml(related);
        var outcome = Fix(yaml);
        Assert.False(outcome.Changed.ContainsKey(RiverYaml), why);
        Assert.Contains(outcome.Result.Diagnostics, d => d.Rule == RuleCatalogue.RelatedSelf && d.Fix is null);
    }

    [Theory]
    [InlineData("!!str river-wardens")]
    [InlineData("&slug river-wardens")]
    [InlineData("|-\n  river-wardens")]
    public void No_fix_rewrites_a_slug_with_a_tag_an_anchor_or_a_block(string slug)
    {
        var outcome = Fix(Yaml("related: []\n", slug: slug));
        Assert.False(outcome.Changed.ContainsKey(RiverYaml));
        Assert.Contains(outcome.Result.Diagnostics, d => d.Rule == RuleCatalogue.SlugMatchesPath && d.Fix is null);
    }

    [Theory]
    [InlineData("river-wardens", "river-warden")]
    [InlineData("'river-wardens'", "'river-warden'")]
    [InlineData("\"river-wardens\"", "\"river-warden\"")]
    [InlineData("river-wardens   # the old name", "river-warden   # the old name")]
    public void A_slug_is_set_to_the_folder_name_in_its_own_style(string before, string after)
    {
        var outcome = Fix(Yaml("related: []\n", slug: before));
        Assert.Equal(Yaml("related: []\n", slug: after), outcome.Changed[RiverYaml]);
    }

    [Fact]
    public void A_plain_slug_that_would_read_as_a_number_is_quoted()
    {
        var folder = Path.Combine(Root, "souls", "2024");
        var documents = new[]
        {
            ContentFile.FromText(Path.Combine(folder, "metadata.yaml"), Yaml("related: []\n", slug: "twenty")),
            ContentFile.FromText(Path.Combine(folder, "SOUL.md"), File.ReadAllText(Path.Combine(Fixture, "river-warden", "SOUL.md"))),
        };
        var outcome = Lint.Engine.Fix(new LintRequest(documents, Lint.AllRules()) { BaseDirectory = Root });
        Assert.Contains("\nslug: '2024'\n", outcome.Changed[Path.Combine(folder, "metadata.yaml")], StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_with_an_anchor_is_not_quoted()
    {
        var outcome = Fix(Yaml("related: []\n", created: "&made 2026-03-01"));
        Assert.False(outcome.Changed.ContainsKey(RiverYaml));
    }

    [Fact]
    public void The_only_entry_of_a_block_list_leaves_an_empty_list_and_the_comments_around_it()
    {
        var yaml = Yaml("related: # who this links to\n  # mistaken:\n  - slug: river-warden # itself\n    type: related\n  # end of list\n");
        var outcome = Fix(yaml);
        Assert.Equal(Yaml("related: [] # who this links to\n  # mistaken:\n  # end of list\n"), outcome.Changed[RiverYaml]);
        Assert.Equal(new JArray(), Parse(outcome.Changed[RiverYaml])["related"]);
    }

    [Fact]
    public void Entries_of_a_multi_line_flow_list_are_removed_with_their_commas()
    {
        var yaml = Yaml("related: [\n  { slug: 'river-warden', type: 'related' },\n  { slug: 'bridge-keeper', type: 'related' },\n  { slug: 'bridge-keeper', type: 'related' },\n]\n");
        Assert.Equal(Yaml("related: [\n  { slug: 'bridge-keeper', type: 'related' },\n]\n"), Fix(yaml).Changed[RiverYaml]);
    }

    [Fact]
    public void Several_self_links_in_a_block_list_leave_an_empty_list_not_a_null()
    {
        var yaml = Yaml("related:\n  - slug: river-warden\n    type: related\n  - slug: river-warden\n    type: adjacent\n  - slug: river-warden\n    type: related\n");
        var outcome = Fix(yaml);
        Assert.Equal(Yaml("related: []\n"), outcome.Changed[RiverYaml]);
    }

    [Theory]
    [InlineData("<!-- soul-lint-disable-next-line thin-section -->\n")]
    [InlineData("## Purpose\n\nSaid twice.\n\n")]
    public void Sections_are_not_moved_where_a_comment_or_a_repeated_heading_could_change_meaning(string extra)
    {
        var body = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "rules", "section-order", "invalid-source", "souls", "river-warden", "SOUL.md"));
        body = body.Replace("## Primary Responsibilities", extra + "## Primary Responsibilities", StringComparison.Ordinal);
        var outcome = Fix(Yaml("related:\n  - { slug: 'bridge-keeper', type: 'related' }\n"), body);
        Assert.False(outcome.Changed.ContainsKey(RiverBody));
        Assert.Contains(outcome.Result.Diagnostics, d => d.Rule == RuleCatalogue.SectionOrder && d.Fix is null);
    }

    [Fact]
    public void Sections_are_not_moved_when_the_title_line_comes_after_the_first_section()
    {
        var body = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "rules", "section-order", "invalid-source", "souls", "river-warden", "SOUL.md"));
        body = body.Replace("# River Warden\n\n", string.Empty, StringComparison.Ordinal).Replace("## Purpose\n", "## Purpose\n\n# River Warden\n", StringComparison.Ordinal);
        var outcome = Fix(Yaml("related:\n  - { slug: 'bridge-keeper', type: 'related' }\n"), body);
        Assert.False(outcome.Changed.ContainsKey(RiverBody));
    }

    // ---- The property: random metadata.yaml, block and flow, comments everywhere a fix keeps them. ----

    private sealed record Entry(string Slug, string Type, string? Note);

    private sealed record Case(string Text, List<Entry> Entries, HashSet<int> Removed, bool WrongSlug, bool PlainDate, bool Crlf, bool Bom, List<string> Comments, HashSet<string> RemovedComments)
    {
        public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal);
    }

    private static readonly string[] Notes = { "shares the crossing", "keeps the banks", "the keeper's view", "upstream: the weir", "said \"twice\"" };

    private static Case Build(int seed)
    {
        var random = new Random(seed);
        var comments = new List<string>();
        var removedComments = new HashSet<string>(StringComparer.Ordinal);
        string Comment()
        {
            var c = "# note-" + comments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-end";
            comments.Add(c);
            return c;
        }

        string Scalar(string value)
        {
            var plainable = value.IndexOf(':') < 0 && value.IndexOf('"') < 0 && value.IndexOf('\'') < 0;
            return (random.Next(3), plainable) switch
            {
                (0, true) => value,
                (1, _) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
                _ => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            };
        }

        // Entries: links to bridge-keeper, self links, and later copies of earlier entries (exact,
        // without the note, or with another type).
        var entries = new List<Entry>();
        for (var n = random.Next(0, 7); n > 0; n--)
        {
            if (entries.Count > 0 && random.Next(3) == 0)
            {
                var earlier = entries[random.Next(entries.Count)];
                entries.Add(random.Next(3) switch
                {
                    0 => earlier,
                    1 => earlier with { Note = null },
                    _ => earlier with { Type = earlier.Type == "related" ? "adjacent" : "related" },
                });
            }
            else
            {
                entries.Add(new Entry(random.Next(3) == 0 ? "river-warden" : "bridge-keeper", random.Next(2) == 0 ? "related" : "adjacent", random.Next(2) == 0 ? Notes[random.Next(Notes.Length)] : null));
            }
        }

        var removed = new HashSet<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var first = entries.FindIndex(e => e.Slug == entries[i].Slug);
            var addsNothing = entries[i].Type == entries[first].Type && (entries[i].Note is null || entries[i].Note == entries[first].Note);
            if (entries[i].Slug == "river-warden" || (first < i && addsNothing))
            {
                removed.Add(i);
            }
        }

        string Members(Entry e) => $"slug: {Scalar(e.Slug)}, type: {Scalar(e.Type)}" + (e.Note is null ? string.Empty : $", note: {Scalar(e.Note)}");

        var style = random.Next(5);
        var indent = random.Next(2) == 0 ? string.Empty : "  ";
        var related = new StringBuilder();
        if (style <= 2 && entries.Count == 0)
        {
            related.Append("related: []\n");
        }
        else if (style <= 2)
        {
            related.Append("related:").Append(random.Next(3) == 0 ? " " + Comment() : string.Empty).Append('\n');
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (random.Next(3) == 0)
                {
                    related.Append(indent).Append(Comment()).Append('\n');
                }

                var inside = new List<string>();
                string Trailing()
                {
                    if (random.Next(3) != 0)
                    {
                        return string.Empty;
                    }

                    var c = Comment();
                    inside.Add(c);
                    return "  " + c;
                }

                switch (style)
                {
                    case 0:
                        related.Append(indent).Append("- slug: ").Append(Scalar(e.Slug)).Append(Trailing()).Append('\n');
                        if (random.Next(4) == 0)
                        {
                            var c = Comment();
                            inside.Add(c);
                            related.Append(indent).Append("  ").Append(c).Append('\n');
                        }

                        related.Append(indent).Append("  type: ").Append(Scalar(e.Type)).Append(Trailing()).Append('\n');
                        if (e.Note is not null)
                        {
                            related.Append(indent).Append("  note: ").Append(Scalar(e.Note)).Append(Trailing()).Append('\n');
                        }

                        break;
                    case 1:
                        related.Append(indent).Append("- { ").Append(Members(e)).Append(" }").Append(Trailing()).Append('\n');
                        break;
                    default:
                        related.Append(indent).Append("- {\n");
                        related.Append(indent).Append("    slug: ").Append(Scalar(e.Slug)).Append(",\n");
                        related.Append(indent).Append("    type: ").Append(Scalar(e.Type)).Append(e.Note is null && random.Next(2) == 0 ? "\n" : ",\n");
                        if (e.Note is not null)
                        {
                            related.Append(indent).Append("    note: ").Append(Scalar(e.Note)).Append(",\n");
                        }

                        related.Append(indent).Append("  }").Append(Trailing()).Append('\n');
                        break;
                }

                if (removed.Contains(i))
                {
                    removedComments.UnionWith(inside);
                }
            }
        }
        else if (style == 3)
        {
            related.Append("related: [").Append(string.Join(", ", entries.Select(e => "{ " + Members(e) + " }"))).Append(']');
            related.Append(random.Next(2) == 0 ? "  " + Comment() : string.Empty).Append('\n');
        }
        else
        {
            related.Append("related: [\n");
            for (var i = 0; i < entries.Count; i++)
            {
                related.Append("  { ").Append(Members(entries[i])).Append(" }").Append(i < entries.Count - 1 || random.Next(2) == 0 ? ",\n" : "\n");
            }

            related.Append(']').Append(random.Next(2) == 0 ? " " + Comment() : string.Empty).Append('\n');
        }

        var wrongSlug = random.Next(2) == 0;
        var plainDate = random.Next(2) == 0;
        var text = new StringBuilder();
        void Line(string line)
        {
            if (random.Next(5) == 0)
            {
                text.Append(Comment()).Append('\n');
            }

            text.Append(line).Append(random.Next(5) == 0 ? " " + Comment() : string.Empty).Append('\n');
        }

        Line("title: " + Scalar("River Warden"));
        Line("slug: " + Scalar(wrongSlug ? "river-wardens" : "river-warden"));
        Line("category: " + Scalar("Government"));
        Line("summary: " + Scalar("How a river warden reasons about everyday cases and the rare ones that matter most."));
        Line("provenance: human");
        Line("status: " + Scalar("draft"));
        Line("created: " + (plainDate ? "2026-03-01" : "'2026-03-01'"));
        Line("updated: " + (random.Next(2) == 0 ? "'2026-04-01'" : "\"2026-04-01\""));
        // The list is last in the file now and then, and the file may end without a line break.
        if (random.Next(3) == 0)
        {
            text.Append(related);
            Line("specializations: []");
        }
        else
        {
            Line("specializations: []");
            text.Append(related);
        }

        var crlf = random.Next(3) == 0;
        var bom = random.Next(4) == 0;
        var yaml = random.Next(3) == 0 ? text.ToString().TrimEnd('\n') : text.ToString();
        if (crlf)
        {
            yaml = yaml.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return new Case((bom ? "\uFEFF" : string.Empty) + yaml, entries, removed, wrongSlug, plainDate, crlf, bom, comments, removedComments);
    }

    [Fact]
    public void Fixed_metadata_reads_as_before_with_only_the_intended_change() =>
        Gen.Int.Sample(seed =>
        {
            var c = Build(seed);
            var before = Parse(c.Text);
            var outcome = Fix(c.Text);
            var after = Fixed(outcome, RiverYaml, c.Text);

            // What the fix should do to the value read: drop the entries, set the slug, read the date as written.
            var expected = before.DeepClone();
            if (c.WrongSlug)
            {
                expected["slug"] = "river-warden";
            }

            if (c.PlainDate)
            {
                expected["created"] = "2026-03-01";
            }

            if (expected["related"] is JArray list)
            {
                foreach (var i in c.Removed.OrderByDescending(i => i))
                {
                    list.RemoveAt(i);
                }
            }

            var read = Parse(after);
            Assert.True(JToken.DeepEquals(expected, read), $"expected {expected}\nread {read}\nafter:\n{after}");

            // Comments stay, in order, except those inside a removed entry; line endings and quotes stay.
            var kept = c.Comments.Where(k => !c.RemovedComments.Contains(k)).OrderBy(k => c.Text.IndexOf(k, StringComparison.Ordinal)).ToList();
            var positions = kept.Select(k => after.IndexOf(k, StringComparison.Ordinal)).ToList();
            Assert.All(kept.Zip(positions), p => Assert.True(p.Second >= 0, p.First + " is gone"));
            Assert.Equal(positions.OrderBy(p => p), positions);
            Assert.All(c.RemovedComments, k => Assert.DoesNotContain(k, after, StringComparison.Ordinal));
            Assert.Equal(c.Crlf, after.Contains('\n', StringComparison.Ordinal) && after.Replace("\r\n", string.Empty, StringComparison.Ordinal).IndexOf('\n') < 0);
            Assert.False(after.Length > 0 && after[0] == '\uFEFF', "the byte-order mark is still there");
            Assert.Equal(c.Text.EndsWith('\n'), after.EndsWith('\n'));

            // Nothing is left for --fix to do in this file.
            Assert.DoesNotContain(outcome.Result.Diagnostics, d => d.Fix is not null && d.FullPath == RiverYaml);
        }, iter: 300);
}
