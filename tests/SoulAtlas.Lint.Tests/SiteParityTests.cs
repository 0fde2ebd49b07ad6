using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// One class of disagreement with the site's generator per group (docs/parity.md): how SOUL.md is
/// split, section ids, backlinks, trust flags, YAML as the site reads it, the title and citations.
/// </summary>
public sealed class SiteParityTests
{
    private static SoulMarkdown Split(string text) => SoulMarkdownParser.Parse(new SourceFile("/s/SOUL.md", "SOUL.md", text));

    [Fact]
    public void A_title_line_inside_a_section_is_not_part_of_its_markdown()
    {
        var soul = Split("## Purpose\n\nFirst line.\n# The Title\nSecond line.\n\n## Tools\n\nA hammer.\n");
        Assert.Equal("The Title", soul.Title);
        Assert.Equal("First line.\nSecond line.", soul.Sections[0].Markdown);
        var section = soul.Sections[0];
        var second = section.Markdown.IndexOf("Second", System.StringComparison.Ordinal);
        var range = section.RangeOf(second, second + 6);
        Assert.Equal("Second", range.File.Text.Substring(range.Start, range.End - range.Start));
    }

    [Fact]
    public void An_empty_title_does_not_count_and_its_line_is_dropped()
    {
        var soul = Split("#  \n# \u00A0\n## Purpose\n\nText.\n# Real Title\n# Later H1 stays\n");
        Assert.Equal("Real Title", soul.Title);
        Assert.Equal("Text.\n# Later H1 stays", soul.Sections[0].Markdown);
    }

    [Theory]
    [InlineData("## Purpose\uFEFF", "Purpose")]
    [InlineData("##\u00A0Purpose\u3000", "Purpose")]
    [InlineData("##\tTools \t", "Tools")]
    [InlineData("##  ", "")]
    public void Headings_are_trimmed_as_javascript_trims(string line, string heading) =>
        Assert.Equal(heading, Split(line + "\n\nBody.\n").Sections.Single().Heading);

    [Theory]
    [InlineData("## Fo\ro\n\nBody.")]
    [InlineData("## A\u2028B\n\nBody.")]
    [InlineData("##Purpose\n\nBody.")]
    [InlineData("##\u0085Purpose\n\nBody.")]
    public void A_line_javascript_does_not_match_is_no_heading(string text) => Assert.Empty(Split(text).Sections);

    [Fact]
    public void A_heading_line_with_a_carriage_return_at_its_end_is_still_a_heading() =>
        Assert.Equal("Purpose", Split("## Purpose\r\n\r\nBody.\r\n").Sections.Single().Heading);

    [Theory]
    [InlineData("\uFEFF---\ntitle: x\n---\n## Purpose\n\nBody.", "Purpose")]
    [InlineData("---yaml\na: 1\n--- trailing\n## Purpose\n\nBody.", "Purpose")]
    [InlineData("----\n## Purpose\n\nBody.", "Purpose")]
    public void Front_matter_is_removed_as_gray_matter_removes_it(string text, string heading) =>
        Assert.Equal(heading, Split(text).Sections[0].Heading);

    [Fact]
    public void Unclosed_front_matter_leaves_no_body() => Assert.Empty(Split("---\na: 1\n## Purpose\n\nBody.").Sections);

    [Theory]
    [InlineData("![img](x.png)", "![img](x.png)")]
    [InlineData("Tools ![icon](i.png)", "tools-")]
    [InlineData("Purpose ##", "purpose")]
    [InlineData("• - __ - trailing # ##", "---__---trailing-")]
    [InlineData("a # ##", "a-")]
    [InlineData("C#", "c")]
    [InlineData("#", "#")]
    [InlineData("Core &amp; Mission", "core--mission")]
    [InlineData("Caf&eacute;", "caf")]
    [InlineData("Caf&#233;", "café")]
    [InlineData("&foo; Bar", "bar")]
    [InlineData("R&D", "rd")]
    [InlineData("x² and ½ of H₂O", "x-and--of-ho")]
    [InlineData("Purpose ① Workflow", "purpose--workflow")]
    [InlineData("İstanbul", "i̇stanbul")]
    [InlineData("ΣΟΦΙΑ ΟΔΟΣ", "σοφια-οδος")]
    [InlineData("<!-- c -->", "<!---c--->")]
    [InlineData("Ⓐ circled", "ⓐ-circled")]
    [InlineData("`a|b` code", "ab-code")]
    [InlineData("Text <br>", "text-")]
    [InlineData("__init__ and _x_", "init-and-x")]
    public void Section_ids_follow_the_site_heading_id_plugin(string heading, string id) =>
        Assert.Equal(id, HeadingSlugger.Slug(heading));

    // A bare URL runs, as marked reads it, to the next white space or '<', then gives back trailing
    // punctuation; emphasis around it is read first, and a run of marks marked leaves as text stays text.
    [Theory]
    [InlineData("https://example.org日本語&#128512;", "httpsexampleorg日本語128512")]
    [InlineData("Resources (https://example.org/a_b_c)", "resources-httpsexampleorga_b_c")]
    [InlineData("www.example.org._x_", "wwwexampleorg_x_")]
    [InlineData("https://e.org/~x~&copy;__a__", "httpseorgx__a__")]
    [InlineData("*https://e.org/*y*(x)&#128512;", "httpseorgyx128512")]
    [InlineData("_http://e.org/a*em*__a__&copy;", "_httpeorgaem__a__")]
    [InlineData("_www.example.org_x_😀", "wwwexampleorg_x")]
    [InlineData("HTTPS://E.ORG/x_y_ and xHTTPS://E.ORG/_z_", "httpseorgx_y_-and-xhttpseorgz")]
    [InlineData("[https://e.org_x_](u) `https://e.org_y_`", "httpseorg_x_-httpseorg_y_")]
    [InlineData("See https://e.org/?a=1&b=2.", "see-httpseorga1b2")]
    [InlineData("www.e.org/😀_x_", "wwweorg_x_")]
    [InlineData("x\uFEFF__a__", "xa")]
    public void Section_ids_read_bare_urls_where_marked_ends_them(string heading, string id) =>
        Assert.Equal(id, HeadingSlugger.Slug(heading));

    [Fact]
    public void JavaScript_lower_casing_is_full_case_mapping()
    {
        Assert.Equal("i\u0307", JsString.ToLower("\u0130"));
        Assert.Equal("σς σ.ς", JsString.ToLower("ΣΣ Σ.Σ"));
        Assert.Equal("ɤ", JsString.ToLower("\uA7CB"));
    }

    [Fact]
    public void Backlinks_count_typed_edges_and_self_links_and_know_a_source_by_its_folder()
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "alpha", "related:\n  - { slug: 'beta', type: related }\n  - { slug: 'alpha', type: adjacent }\n");
        WriteSoul(corpus, "beta", "slug: 'beta-renamed'\nrelated:\n  - { slug: 'alpha' }\n  - { slug: 'alpha', type: sibling }\n");
        WriteSoul(corpus, "gamma", "related:\n  - { slug: 'beta', type: progression }\n");
        var result = Lint.Run(corpus.Path);
        var computed = result.Computed.ToDictionary(c => c.Slug);
        Assert.Equal(new[] { "alpha" }, computed["alpha"].Backlinks);
        Assert.Equal(new[] { "alpha", "gamma" }, computed["beta"].Backlinks);
        Assert.Empty(computed["gamma"].Backlinks);
        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "SOUL301" && d.Message.Contains("'beta'", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("last_reviewed: ''\n", false)]
    [InlineData("last_reviewed: 0\n", false)]
    [InlineData("last_reviewed: '2026-01-01'\n", true)]
    [InlineData("last_reviewed: 2026-01-01\n", true)]
    [InlineData("reviewers: []\nlast_reviewed: null\n", false)]
    [InlineData("reviewers:\n  - { name: 'R' }\n", true)]
    public void Verified_uses_javascript_truthiness(string yaml, bool verified)
    {
        var metadata = new MetadataView((JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", yaml), 64, 1000).Root);
        Assert.Equal(verified, metadata.IsVerified);
    }

    [Theory]
    [InlineData("source: { origin: '' }\n", false)]
    [InlineData("source: { origin: 'souls.directory' }\n", true)]
    [InlineData("source: 'souls.directory'\n", false)]
    [InlineData("source: null\n", false)]
    public void Federated_uses_javascript_truthiness(string yaml, bool federated)
    {
        var metadata = new MetadataView((JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", yaml), 64, 1000).Root);
        Assert.Equal(federated, metadata.IsFederated);
    }

    [Theory]
    [InlineData("2026-07-01", "2026-07-01T00:00:00.000Z")]
    [InlineData("2026-7-1 10:00:00", "2026-07-01T10:00:00.000Z")]
    [InlineData("2026-07-01T10:00:00+02:00", "2026-07-01T08:00:00.000Z")]
    [InlineData("2026-02-30", "2026-03-02T00:00:00.000Z")]
    [InlineData("2026-07-01t10:00:00.5Z", "2026-07-01T10:00:00.500Z")]
    public void Unquoted_dates_are_timestamps_as_js_yaml_reads_them(string text, string iso)
    {
        var value = (JValue)((JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", "d: " + text + "\n"), 64, 1000).Root)["d"]!;
        Assert.Equal(iso, (string?)value);
        Assert.Equal(text, value.Annotation<JsYamlTimestamp>()!.Text);
    }

    [Fact]
    public void Other_scalars_resolve_as_js_yaml_resolves_them()
    {
        var m = (JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", "a: 2026-7-1\nb: 0b101\nc: 0o17\nd: -0x1F\ne: -.5\nf: .5\ng: 1e400\nh: '2026-07-01'\n"), 64, 1000).Root;
        Assert.Equal("2026-7-1", (string?)m["a"]);
        Assert.Equal(5L, (long)m["b"]!);
        Assert.Equal(15L, (long)m["c"]!);
        Assert.Equal(-31L, (long)m["d"]!);
        Assert.Equal(JTokenType.String, m["e"]!.Type);
        Assert.Equal(0.5, (double)m["f"]!);
        Assert.Equal(JTokenType.String, m["g"]!.Type);
        Assert.Null(((JValue)m["h"]!).Annotation<JsYamlTimestamp>());
    }

    [Fact]
    public void Merge_keys_add_the_keys_a_mapping_lacks_as_js_yaml_does()
    {
        var m = (JObject)YamlTreeReader.Read(new SourceFile("/m.yaml", "m.yaml", "base: &b { k: 1, j: 1 }\ny:\n  j: 2\n  <<: *b\n"), 64, 1000).Root;
        Assert.Equal(1L, (long)m["y"]!["k"]!);
        Assert.Equal(2L, (long)m["y"]!["j"]!);
        Assert.Null(m["y"]!["<<"]);
    }

    [Theory]
    [InlineData("https://example.orgΑΣ.", "https://example.org%CE%91%CE%A3")]
    [InlineData("www.example.orgＰⅫ", "http://www.example.org%EF%BC%B0%E2%85%AB")]
    [InlineData("[x](https://exämple.org/ä?q#f)", "https://ex%C3%A4mple.org/%C3%A4?q#f")]
    [InlineData("[x](https://example.org/)", "https://example.org/")]
    public void A_link_keeps_its_host_as_written_as_marked_keeps_it(string heading, string href)
    {
        // Markdig would write the IDNA form (xn--…, or a full-width letter as ASCII): another link.
        var html = BodyMarkdown.RenderHeading(heading);
        Assert.Contains($"href=\"{href}\"", html, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xn--", html, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ethics (www.e.org)&lt;tag&gt;x", ">www.e.org)&lt;tag&gt;x</a>", "ethics-wwweorgtagx")]
    [InlineData("www.e.org&#65;b", ">www.e.orgAb</a>", "wwweorgab")]
    [InlineData("www.e.org&#0", ">www.e.org&amp;#0</a>", "wwweorg0")]
    public void A_bare_url_in_a_heading_reads_entities_in_its_text_as_marked_writes_them(string heading, string text, string id)
    {
        // marked leaves an entity-like '&...;' in the link's text as it stands (so it is the entity),
        // and escapes any other '&'.
        var html = BodyMarkdown.RenderHeading(heading);
        Assert.Contains(text, html, System.StringComparison.Ordinal);
        Assert.Contains($"id=\"{id}\"", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Section_html_is_compared_with_markdown_rendered_as_marked_renders_it()
    {
        static string Render(string markdown) => BodyMarkdown.RenderBodyAsSite(markdown, BodyMarkdown.Parse(markdown));

        // A pipe inside a code span ends the cell (GFM splits rows first), and the extra cell is dropped.
        var table = Render("| A | B |\n| --- | --- |\n| `x|y` | z |");
        Assert.Contains("<td>`x</td>", table, System.StringComparison.Ordinal);
        Assert.Contains("<td>y`</td>", table, System.StringComparison.Ordinal);
        Assert.DoesNotContain(">z<", table, System.StringComparison.Ordinal);

        // Task items get their checkbox, only at the start of the item and with a space after it.
        Assert.Contains("type=\"checkbox\"", Render("- [x] done\n- [ ] open"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("checkbox", Render("- [X]\tmin"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("checkbox", Render("-\t[x] done\n-\t[ ] open"), System.StringComparison.Ordinal);
        Assert.Contains("[x] done", Render("1)\t[x] done"), System.StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", Render("-\t[x] done\n  - [X] nested"), System.StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Render("-\t[x] done\n  - [X] nested"), "checkbox"));
        Assert.DoesNotContain("checkbox", Render("1. Post [X] min  \n2. x"), System.StringComparison.Ordinal);
        Assert.Contains("[X] min", Render("1. Post [X] min  \n2. x"), System.StringComparison.Ordinal);

        // After a quote's paragraph, a line of white space with a tab is taken into the quote and
        // ends the paragraph; the plain lines after it are the quote's next paragraph (marked 14).
        static string Flat(string html) => html.Replace("\n", string.Empty, System.StringComparison.Ordinal);
        Assert.Equal("<blockquote><p>para</p><p>nextmore</p></blockquote>", Flat(Render("> para\n\t\nnext\n> more\n")));
        Assert.Equal("<blockquote><p>para</p><p>nextline2</p></blockquote><p>after</p>", Flat(Render("> para\n\t\nnext\nline2\n\nafter\n")));
        Assert.Equal("<blockquote><p>para</p><p><em>em</em> x</p></blockquote>", Flat(Render("> para\n\t\n*em* x\n")));
        Assert.Equal("<blockquote><p>para</p></blockquote><ul><li>item</li></ul>", Flat(Render("> para\n \t\n- item\n")));

        // In a quote within a quote, a line of white space with a tab after both markers is more of the paragraph.
        Assert.Equal("<blockquote><blockquote><p>a\tb</p></blockquote></blockquote>", Flat(Render("> > a\n> > \t\n> > b\n")));
        Assert.Equal("<blockquote><blockquote><p>a</p><p>b</p></blockquote></blockquote>", Flat(Render("> > a\n> >\t\n> > b\n")));
        Assert.Equal("<blockquote><p>para</p></blockquote><h1 id=\"head\">head</h1>", Flat(Render("> para\n\t\n# head\n")));

        // An unindented '=' line under a list item's text makes it a heading inside the item.
        Assert.Equal("<ul><li><h1 id=\"cost-\">cost '.</h1></li></ul><ul><li><strong>R</strong></li></ul>", Flat(Render("* cost '.\n===\n\n- **R**\n")));
        Assert.Equal("<ul><li><h1 id=\"a\">a</h1>b</li></ul>", Flat(Render("- a\n===\nb\n")));
        Assert.Equal("<ul><li>cost</li></ul><hr />", Flat(Render("- cost\n---\n")));

        // A quote straight under a list item's text is inside the item (the innermost last one).
        Assert.Equal("<ul><li>a<blockquote><p>qmore</p></blockquote></li></ul>", Flat(Render("- a\n> q\nmore\n")));
        Assert.Equal("<ol><li>a<blockquote><p>q</p></blockquote></li></ol><ul><li>b</li></ul>", Flat(Render("1. a\n> q\n- b\n")));
        Assert.Equal("<ul><li>a<ul><li>b<blockquote><p>q</p></blockquote></li></ul></li></ul>", Flat(Render("- a\n  - b\n> q\n")));
        Assert.Equal("<ul><li>a</li></ul><blockquote><p>q</p></blockquote>", Flat(Render("- a\n\n> q\n")));

        // A '#' line holding U+2028 or U+2029 is text (JavaScript's '.' stops at them); "01." does
        // not interrupt a paragraph (marked wants a literal "1").
        Assert.Equal("<p>## Rules\u2028of Thumb</p>", Flat(Render("## Rules\u2028of Thumb\n")));
        Assert.Equal("<p>##\u2029x</p>", Flat(Render("##\u2029x\n")));
        Assert.Equal("<h2 id=\"x\">x</h2>", Flat(Render("##\u00A0x\n")));
        Assert.Equal("<p>para01. a02. b</p>", Flat(Render("para\n01. a\n02. b\n")));
        Assert.Equal("<p>para</p><ol><li>a</li></ol>", Flat(Render("para\n1. a\n")));
        Assert.Equal("<ol><li>a</li><li>b</li></ol>", Flat(Render("01. a\n02. b\n")));

        // A bare fence as the last line right under a paragraph is paragraph text.
        Assert.DoesNotContain("<pre>", Render("Some text.\n```"), System.StringComparison.Ordinal);
        Assert.Contains("<pre>", Render("Some text.\n\n```"), System.StringComparison.Ordinal);

        // A tab after a list marker's space starts indented code in marked.
        Assert.Contains("<pre>", Render("- a\n- \tcode"), System.StringComparison.Ordinal);

        // A tab straight after the marker leaves the item's content indent at the marker's width: two spaces nest.
        Assert.Contains("<ul>\n<li>tabbed nested</li>", Render("-\tTabbed item\n  -\ttabbed nested\n- next"), System.StringComparison.Ordinal);
        Assert.Contains("<pre>", Render("-\t\tcode"), System.StringComparison.Ordinal);
        Assert.Contains("<li>\n<pre><code>Have code", Render("- a\n-\t Have code"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("<pre>", Render("-\tz"), System.StringComparison.Ordinal);

        // A tab straight after the marker does not let an item interrupt a paragraph: the lines are paragraph text.
        Assert.Equal("<p>text\n-\tfoo</p>\n", Render("text\n-\tfoo"));
        Assert.Equal("<p>text\n-\tfoo\n-\tbar</p>\n", Render("text\n-\tfoo\n-\tbar"));
        Assert.Equal("<p>text\n-\tfoo</p>\n<ul>\n<li>bar</li>\n</ul>\n", Render("text\n-\tfoo\n- bar"));
        Assert.Equal("<p>text\n1.\tfoo</p>\n", Render("text\n1.\tfoo"));
        Assert.Equal("<p>text\n*\tstar</p>\n", Render("text\n*\tstar"));
        Assert.Equal("<blockquote>\n<p>quote\n-\tfoo</p>\n</blockquote>\n", Render("> quote\n> -\tfoo"));
        Assert.Contains("<li>b</li>", Render("- a\n  -\tb"), System.StringComparison.Ordinal);

        // '#'s followed by a no-break space or another Unicode space start a heading in marked.
        Assert.Contains("<h3", Render("###\u00A0Heading nbsp"), System.StringComparison.Ordinal);
        Assert.Contains("</p>\n<h3", Render("text\n###\u3000x"), System.StringComparison.Ordinal);
        Assert.Contains("<blockquote>\n<h2", Render("> > ##\u00A0Purpose"), System.StringComparison.Ordinal);
        Assert.Contains("<li><h3", Render("- ###\u2003item"), System.StringComparison.Ordinal);

        // A list's later lines are measured with each tab as four spaces, even after a space: c nests under b.
        Assert.Contains("<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>", Render("- a\n\t- b\n  \t- c\n    - d"), System.StringComparison.Ordinal);

        // A bare URL in the section's heading is the link marked makes, to the same end.
        Assert.Contains("<a href=\"https://example.org**bold\">https://example.org**bold</a>**", BodyMarkdown.RenderHeading("https://example.org**bold**&eacute;"), System.StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://www.example.org%60code%60\">www.example.org`code`</a>*</h2>", BodyMarkdown.RenderHeading("www.example.org`code`*"), System.StringComparison.Ordinal);
        Assert.Contains(">https://e.org/?a=1&amp;b=2</a>.</h2>", BodyMarkdown.RenderHeading("See https://e.org/?a=1&b=2."), System.StringComparison.Ordinal);

        // A line of white space with a tab in it does not end a paragraph (marked ends one at spaces only).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Render("text\n\t\nmore"), "<p>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Render("text\n \t\n\t\nmore"), "<p>"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Render("> a\n> \t\n> b"), "<p>"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(Render("text\n   \nmore"), "<p>").Count);
        Assert.Equal("<p>text</p>\n<hr />\n", Render("text\n\t\n---"));
        Assert.Contains("<ul>", Render("text\n\t\n- b"), System.StringComparison.Ordinal);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Render("text\r\t\r\nmore"), "<p>"));

        // A tab where marked wants spaces: a table's delimiter row, after a closing fence, after a link reference definition.
        Assert.DoesNotContain("<table>", Render("| a | b |\n| --- | --- |\t\n| 1 | 2 |"), System.StringComparison.Ordinal);
        Assert.Contains("<table>", Render("| a | b |\n| --- | --- |  \n| 1 | 2 |"), System.StringComparison.Ordinal);
        var fence = Render("```\ncode\n```\t\nafter\n\n- x");
        Assert.DoesNotContain("<ul>", fence, System.StringComparison.Ordinal);
        Assert.Contains("after", fence, System.StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(Render("```\ncode\n```\t\nmore\n```\nout"), "<p>out</p>|<pre>").Count);
        Assert.Equal("<p>[ref]: /x</p>\n<p>See [ref].</p>\n", Render("[ref]: /x\t\n\nSee [ref]."));
        Assert.Contains("<a href=\"/x\">ref</a>", Render("[ref]: /x  \n\nSee [ref]."), System.StringComparison.Ordinal);

        // In a quote, a list continued by a line without '>' takes the quote's later lines, '>' and all, into its last item.
        var quoted = Render("> - a\nlazy\n> > nested");
        Assert.Contains("<blockquote>\n<blockquote>\n<p>nested</p>", quoted, System.StringComparison.Ordinal);
        Assert.True(quoted.IndexOf("<p>nested</p>", System.StringComparison.Ordinal) < quoted.IndexOf("</li>", System.StringComparison.Ordinal), quoted);
        var deeper = Render("> - a\n>   - b\nlazy\n> c");
        Assert.True(deeper.IndexOf("<p>c</p>", System.StringComparison.Ordinal) < deeper.IndexOf("</li>", System.StringComparison.Ordinal), deeper);
        Assert.Contains("</p>\n<blockquote>\n<p>n</p>\n</blockquote>\n</blockquote>", Render("> para\nlazy\n> > n"), System.StringComparison.Ordinal);

        // After a blank line in an item, a line indented less than the item's content ends the list.
        Assert.EndsWith("</ul>\n<p>continuation here</p>\n", Render("- a\n- `code`\n\n  lazy\ncontinuation here"), System.StringComparison.Ordinal);
        Assert.Contains("<li>a\nb</li>", Render("- a\nb"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_date_is_a_schema_error_on_the_source_with_a_fix_that_quotes_it()
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "alpha", "last_reviewed: 2026-07-01\n");
        var result = Lint.Run(corpus.Path);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "SOUL100" && d.Message.Contains("unquoted", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "SOUL100" && d.Message.Contains("last_reviewed", System.StringComparison.Ordinal) && d != error);
        Assert.Contains("unquoted date 2026-07-01", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("2026-07-01T00:00:00.000Z", error.Message, System.StringComparison.Ordinal);
        Assert.Equal("'2026-07-01'", Assert.Single(error.Fix!).NewText);
    }

    [Fact]
    public void A_record_with_a_published_timestamp_is_told_it_is_not_a_date()
    {
        using var corpus = new TempFolder();
        var record = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", FirstRecord())));
        record["metadata"]!["last_reviewed"] = "2026-07-01T00:00:00.000Z";
        corpus.Write((string)record["slug"]! + ".json", record.ToString());
        var error = Assert.Single(Lint.Run(corpus.Path).Diagnostics, d => d.RuleId == "SOUL100");
        Assert.Contains("\"2026-07-01T00:00:00.000Z\", which is not an ISO date", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_is_metadata_title_else_the_h1_else_the_slug()
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "alpha", "title: ''\n", "# \n## Purpose\n\nText.\n");
        WriteSoul(corpus, "beta", "title: 'Beta Prime'\n", "# Beta\n## Purpose\n\nText.\n");
        WriteSoul(corpus, "gamma", "title: null\n", "# Gamma H1\n## Purpose\n\nText.\n");
        var titles = Lint.Run(corpus.Path).Computed.ToDictionary(c => c.Slug, c => c.Title);
        Assert.Equal("alpha", titles["alpha"]);
        Assert.Equal("Beta Prime", titles["beta"]);
        Assert.Equal("Gamma H1", titles["gamma"]);
    }

    [Fact]
    public void An_empty_contributor_is_an_author_and_no_version_means_no_version_note()
    {
        using var corpus = new TempFolder();
        var record = new JObject
        {
            ["slug"] = "alpha",
            ["title"] = "Alpha",
            ["metadata"] = new JObject { ["contributors"] = new JArray("", "A. Person"), ["updated"] = "" },
            ["sections"] = new JArray(),
        };
        var path = corpus.Write("alpha.json", record.ToString());
        var document = Parity.ParityLint.LoadRecord(path, "alpha.json").Document!;
        var facts = CitationBuilder.Facts(document, CitationBuilder.DefaultSiteUrl);
        Assert.Equal(", A. Person", facts.AuthorText);
        Assert.Null(facts.Version);
        Assert.Contains("note         = {SOUL.md},", CitationBuilder.Bibtex(facts, "alpha", "Alpha"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team cost\nİstanbul\n---", "team-costi̇stanbul")]
    [InlineData("a \nb\n===", "a-b")]
    [InlineData("a  \nb\n---", "ab")]
    [InlineData("a\\\nb\n---", "ab")]
    [InlineData("a\n  b\n---", "a--b")]
    [InlineData("a  \n   b\n---", "a---b")]
    [InlineData("*a*\n_b_\n---", "ab")]
    [InlineData("*a*\n  `c` d\n---", "a--c-d")]
    [InlineData("- a\n     b\n  ---", "a---b")]
    [InlineData("1. a\n      b\n   ---", "a---b")]
    [InlineData("> a\n>   b\n> ---", "a--b")]
    [InlineData(">  a\n>    b\n> ---", "a---b")]
    [InlineData("- > a\n  >   b\n  > ---", "a--b")]
    public void A_heading_over_several_lines_keeps_the_white_space_marked_keeps_around_its_breaks(string markdown, string id)
    {
        // The ids marked-gfm-heading-id gives these setext headings: a soft break is the line break
        // itself (dropped by the slugger) with one space before it kept, a hard break is <br>, and the
        // next line's indentation beyond its container's is kept.
        var heading = Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HeadingBlock>(BodyMarkdown.Parse(markdown)).Single();
        Assert.Equal(id, HeadingSlugger.SlugOf(heading.Inline!, markdown));
    }

    [Fact]
    public void Stored_html_with_a_setext_heading_and_an_html_heading_is_not_stale()
    {
        // marked's html for this markdown: the html <h3> keeps no id, the setext heading's id keeps its spaces.
        const string Markdown = "<section>\n<h3>Html heading</h3>\nText here.\n</section>\n\n### Markdown heading\n\nMore text.\n\none two \n   three\n---\n\nSee [it](#one-two----three).";
        const string Html = "<h2 id=\"purpose\">Purpose</h2>\n<section>\n<h3>Html heading</h3>\nText here.\n</section>\n\n<h3 id=\"markdown-heading\">Markdown heading</h3>\n<p>More text.</p>\n<h2 id=\"one-two----three\">one two \n   three</h2>\n<p>See <a href=\"#one-two----three\">it</a>.</p>\n";
        using var corpus = new TempFolder();
        var record = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", FirstRecord())));
        var section = (JObject)record["sections"]![0]!;
        Assert.Equal("Purpose", (string?)section["heading"]);
        section["markdown"] = Markdown;
        section["html"] = Html;
        corpus.Write((string)record["slug"]! + ".json", record.ToString());
        var diagnostics = Lint.Run(corpus.Path).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.SectionHtml);
        Assert.DoesNotContain(diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.MarkdownLink);
    }

    [Fact]
    public void A_bibtex_title_over_several_lines_is_read_whole()
    {
        // `title: |` in metadata.yaml ends the title with a line break, which the generator writes into the BibTeX field as it is.
        using var corpus = new TempFolder();
        var record = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", FirstRecord())));
        record["title"] = "Block\nTitle\n";
        record["metadata"]!["title"] = "Block\nTitle\n";
        var path = corpus.Write("in.json", record.ToString());
        var facts = CitationBuilder.Facts(Parity.ParityLint.LoadRecord(path, "in.json").Document!, CitationBuilder.DefaultSiteUrl);
        var slug = (string)record["slug"]!;
        record["citation"] = new JObject
        {
            ["apa"] = CitationBuilder.Apa(facts, "Block\nTitle\n"),
            ["bibtex"] = CitationBuilder.Bibtex(facts, slug, "Block\nTitle\n"),
            ["text"] = CitationBuilder.Text(facts, "Block\nTitle\n"),
        };
        System.IO.File.Delete(path);
        corpus.Write(slug + ".json", record.ToString());
        Assert.DoesNotContain(Lint.Run(corpus.Path).Diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.Citation);
    }

    [Fact]
    public void Folders_the_site_does_not_read_add_no_backlinks()
    {
        // The generator's souls: folders holding SOUL.md whose names do not start with a dot, an
        // authored folder before a mirrored one of the same name.
        using var corpus = new TempFolder();
        WriteSoul(corpus, "target", string.Empty);
        WriteSoul(corpus, "linker", "related:\n  - { slug: other, type: related }\n");
        WriteSoul(corpus, "other", string.Empty);
        WriteSoul(corpus, "work-in-progress", "related:\n  - { slug: target, type: related }\n");
        System.IO.File.Delete(System.IO.Path.Combine(corpus.Path, "souls", "work-in-progress", "SOUL.md"));
        WriteSoul(corpus, ".hidden", "related:\n  - { slug: target, type: related }\n");
        corpus.Write("mirrored/origin/linker/metadata.yaml", "title: 'Linker mirror'\nslug: 'linker'\ncategory: 'Technology'\nsummary: 'A summary of a mirror.'\nstatus: draft\ncreated: '2026-01-01'\nupdated: '2026-01-01'\nsource: { origin: 'souls.directory' }\nrelated:\n  - { slug: target, type: adjacent }\n");
        corpus.Write("mirrored/origin/linker/SOUL.md", "# Linker mirror\n\n## Persona\n\nText.\n");
        var result = Lint.Run(corpus.Path);
        var computed = result.Computed.Where(c => c.Slug == "target").ToList();
        Assert.Empty(Assert.Single(computed).Backlinks);
        Assert.Equal(new[] { "linker" }, result.Computed.First(c => c.Slug == "other").Backlinks);
    }

    [Theory]
    [InlineData("title: 1776\n", "1776")]
    [InlineData("title: true\n", "true")]
    [InlineData("title: 3.5\n", "3.5")]
    [InlineData("title: 0\n", "H1 Title")]
    [InlineData("title: false\n", "H1 Title")]
    [InlineData("title: [Alpha, Beta]\n", "Alpha,Beta")]
    [InlineData("title: [[x, 1.50], null, 2026-01-01]\n", "x,1.5,,Thu Jan 01 2026 00:00:00 GMT+0000 (Coordinated Universal Time)")]
    [InlineData("title: []\n", "")]
    [InlineData("title: {a: b}\n", "[object Object]")]
    [InlineData("title: {}\n", "[object Object]")]
    public void A_title_that_is_not_a_string_is_printed_as_javascript_prints_it(string yaml, string title)
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "delta", yaml, "# H1 Title\n\n## Purpose\n\nText.\n");
        Assert.Equal(title, Lint.Run(corpus.Path).Computed.Single().Title);
    }

    [Fact]
    public void A_record_whose_title_is_an_array_is_cited_as_javascript_prints_it()
    {
        // The generator publishes title: [Alpha, Beta] as the array and interpolates it into the citation as "Alpha,Beta".
        var original = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", FirstRecord())));
        var oldTitle = (string)original["title"]!;
        foreach (var (citedAs, expected) in new[] { ("Alpha,Beta", 0), ("Alpha Beta", 1) })
        {
            using var corpus = new TempFolder();
            var record = (JObject)original.DeepClone();
            record["title"] = new JArray("Alpha", "Beta");
            record["metadata"]!["title"] = new JArray("Alpha", "Beta");
            foreach (var field in new[] { "apa", "text", "bibtex" })
            {
                record["citation"]![field] = ((string)record["citation"]![field]!).Replace(oldTitle, citedAs, System.StringComparison.Ordinal);
            }

            corpus.Write((string)record["slug"]! + ".json", record.ToString());
            var citations = Lint.Run(corpus.Path).Diagnostics.Where(d => d.Rule == Diagnostics.RuleCatalogue.Citation).ToList();
            Assert.Equal(expected * 3, citations.Count);
            Assert.All(citations, d => Assert.Contains("should be \"Alpha,Beta\"", d.Message, System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_record_title_that_is_an_array_is_compared_with_the_source_as_the_page_prints_it()
    {
        using var corpus = new TempFolder();
        var slug = System.IO.Path.GetFileNameWithoutExtension(FirstRecord());
        foreach (var file in System.IO.Directory.GetFiles(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "souls", slug)))
        {
            corpus.Write("souls/" + slug + "/" + System.IO.Path.GetFileName(file), System.IO.File.ReadAllText(file));
        }

        var record = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", FirstRecord())));
        record["title"] = new JArray("Alpha", "Beta");
        corpus.Write("api/souls/" + slug + ".json", record.ToString());
        var title = Assert.Single(Lint.Run(corpus.Path, "api").Diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.RecordSource && d.Message.StartsWith("title ", System.StringComparison.Ordinal));
        Assert.StartsWith("title \"Alpha,Beta\" differs from", title.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary: '😀😀😀😀😀😀😀😀😀😀'\n", "summary is 10 characters long; the minimum is 20")]
    [InlineData("title: '😀'\n", "title is 1 characters long; the minimum is 2")]
    [InlineData("tags: [\"tag\\n\"]\n", "does not match the pattern")]
    [InlineData("slug: |\n  delta\n", "does not match the pattern")]
    [InlineData("created: '2026-02-29'\n", "is not an ISO date")]
    [InlineData("source: { origin: 'x', url: 'https://e.org/a b' }\n", "is not an absolute URI")]
    [InlineData("source: { origin: 'x', url: 'https://例え.jp/パス' }\n", "is not an absolute URI")]
    [InlineData("source: { origin: 'x', repo: 'https://e.org/%zz' }\n", "is not an absolute URI")]
    public void Metadata_the_site_validator_rejects_is_a_schema_error(string yaml, string message)
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "delta", yaml);
        Assert.Contains(Lint.Run(corpus.Path).Diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.Schema && d.Message.Contains(message, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title: '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'\n")]
    [InlineData("title: 'Cafe\u0301 Owner'\n")]
    [InlineData("created: '0000-01-01'\n")]
    [InlineData("created: '2024-02-29'\n")]
    [InlineData("source: { origin: 'x', url: 'a:b' }\n")]
    [InlineData("source: { origin: 'x', url: 'https://e.org:99999/' }\n")]
    [InlineData("source: { origin: 'x', url: 'https:/x' }\n")]
    [InlineData("source: { origin: 'x', url: 'HTTPS://E.ORG/A' }\n")]
    public void Metadata_the_site_validator_accepts_is_no_schema_error(string yaml)
    {
        using var corpus = new TempFolder();
        WriteSoul(corpus, "delta", yaml);
        var key = yaml.Substring(0, yaml.IndexOf(':', System.StringComparison.Ordinal));
        Assert.DoesNotContain(Lint.Run(corpus.Path).Diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.Schema && d.Message.StartsWith(key, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_summary_over_320_utf16_units_is_an_error_though_it_has_fewer_characters()
    {
        // validate.mjs checks `summary.length > 320` (UTF-16) besides the schema's maxLength (code points).
        using var corpus = new TempFolder();
        WriteSoul(corpus, "delta", "summary: '" + string.Concat(Enumerable.Repeat("😀", 161)) + "'\n");
        var error = Assert.Single(Lint.Run(corpus.Path).Diagnostics, d => d.Rule == Diagnostics.RuleCatalogue.Schema);
        Assert.Contains("161 characters but 322 UTF-16 code units", error.Message, System.StringComparison.Ordinal);
    }

    // ajv compiles a pattern with the u flag: a character outside the BMP is one character to ., [^…], \S.
    [Theory]
    [InlineData("^[a-z0-9]+(?:-[a-z0-9]+)*$", "abc\n", false)]
    [InlineData("^[a-z0-9]+(?:-[a-z0-9]+)*$", "abc-1", true)]
    [InlineData("^\\d+$", "١٢٣", false)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("^a.b$", "a\rb", false)]
    [InlineData("^[$]$", "$", true)]
    [InlineData("^.$", "😀", true)]
    [InlineData("^.{2}$", "😀", false)]
    [InlineData("^.{1,3}$", "a😀b", true)]
    [InlineData("^[^a]$", "😀", true)]
    [InlineData("^[^a]{2}$", "😀", false)]
    [InlineData("^\\S$", "𝒜", true)]
    [InlineData("^\\W$", "😀", true)]
    [InlineData("^\\D{2}$", "😀", false)]
    [InlineData("^\\u{1F600}$", "😀", true)]
    [InlineData("^[\\u{61}-\\u{63}]+$", "abc", true)]
    [InlineData("^[^]$", "😀", true)]
    [InlineData("^a[]$", "a]", false)]
    public void Patterns_are_read_as_javascript_reads_them(string pattern, string value, bool matches) =>
        Assert.Equal(matches, Contract.JsSchemaSemantics.PatternMatches(pattern, value));

    [Fact]
    public void A_lone_surrogate_is_one_character_to_a_pattern_as_to_javascript()
    {
        Assert.True(Contract.JsSchemaSemantics.PatternMatches("^x.$", "x\uD83D"));
        Assert.True(Contract.JsSchemaSemantics.PatternMatches("^[^a]$", "\uDE00"));
    }

    private static string FirstRecord() =>
        System.IO.Path.GetFileName(System.IO.Directory.GetFiles(System.IO.Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls"), "*.json").OrderBy(f => f, System.StringComparer.Ordinal).First());

    private static void WriteSoul(TempFolder corpus, string slug, string extraYaml, string? soul = null)
    {
        var yaml = "title: '" + slug + " title'\nslug: '" + slug + "'\ncategory: 'Technology'\nsummary: 'A summary.'\nstatus: draft\ncreated: '2026-01-01'\nupdated: '2026-01-01'\n";
        foreach (var line in extraYaml.Split('\n', System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(' ') && line.Contains(':', System.StringComparison.Ordinal))
            {
                var key = line.Substring(0, line.IndexOf(':', System.StringComparison.Ordinal) + 1);
                yaml = string.Join("\n", yaml.Split('\n').Where(l => !l.StartsWith(key, System.StringComparison.Ordinal)));
            }
        }

        corpus.Write($"souls/{slug}/metadata.yaml", yaml.TrimEnd('\n') + "\n" + extraYaml);
        corpus.Write($"souls/{slug}/SOUL.md", soul ?? $"# {slug}\n\n## Purpose\n\nText.\n");
    }
}
