using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Rules.Content;
using SoulAtlas.Lint.Text;
using Xunit;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Tests;

/// <summary>The helpers behind the body rules, and the body rules on the real corpora.</summary>
public sealed class BodyRuleTests
{
    [Theory]
    [InlineData(@"""abc""", 0, 1)]
    [InlineData(@"""abc""", 2, 3)]
    [InlineData(@"""abc""", 3, 4)]
    [InlineData(@"""a\nb""", 1, 2)]
    [InlineData(@"""a\nb""", 2, 4)]
    [InlineData(@"""\""q\"" x""", 4, 7)]
    [InlineData(@"""a\\b\/c""", 2, 4)]
    [InlineData(@"""a\\b\/c""", 4, 7)]
    [InlineData(@"""caf\u00e9 ~""", 4, 10)]
    [InlineData(@"""caf\u00e9 ~""", 5, 11)]
    [InlineData(@"""\ud83d\ude00~""", 1, 7)]
    [InlineData(@"""\ud83d\ude00~""", 2, 13)]
    [InlineData(@"""😀~""", 2, 3)]
    [InlineData(@"""ab""", 99, 3)]
    public void Json_string_offsets_walk_escapes(string literal, int valueOffset, int fileOffset)
    {
        var text = "{\"k\": " + literal + "}";
        Assert.Equal(fileOffset + 6, JsonStringOffsets.ToFileOffset(text, 6, valueOffset));
    }

    [Fact]
    public void A_json_string_range_maps_both_ends()
    {
        var file = new SourceFile("/x.json", "x.json", "\"a\\n(~1\\\")\"");
        var range = JsonStringOffsets.ToFileRange(file, 0, 3, 5);
        Assert.Equal(5, range.Start);
        Assert.Equal(7, range.End);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript:")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript:")]
    [InlineData("  java\tscript:alert(1)", "javascript:")]
    [InlineData("jav\nascript:alert(1)", "javascript:")]
    [InlineData("java\u0000script:alert(1)", "javascript:")]
    [InlineData("VBScript:msgbox(1)", "vbscript:")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", "data:text/html")]
    [InlineData("DATA: Text/HTML,<script>", "data:text/html")]
    [InlineData("https://example.com/javascript:guide", null)]
    [InlineData("%6Aavascript:alert(1)", null)]
    [InlineData("&#106;avascript:alert(1)", null)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("/souls/x", null)]
    public void Script_schemes_are_read_through_case_and_white_space(string url, string? scheme)
    {
        Assert.Equal(scheme, ScriptUrls.SchemeOf(url));
    }

    [Theory]
    [InlineData("<a href=\"&#x6A;avascript:alert(1)\">x</a>", "href of <a> is a javascript:")]
    [InlineData("<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">x</a>", "href of <a> is a javascript:")]
    [InlineData("<a href=\"jav&Tab;ascript&colon;alert(1)\">x</a>", "href of <a> is a javascript:")]
    [InlineData("<a href=\"java&#x0A;script:alert(1)\">x</a>", "href of <a> is a javascript:")]
    [InlineData("<A HREF=JaVaScRiPt:alert(1)>x</A>", "href of <a> is a javascript:")]
    [InlineData("<img src=x OnErRoR=alert(1)>", "event handler \"onerror\"")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>", "<script>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", "srcdoc")]
    [InlineData("<svg><animate attributeName=href values=\"javascript:alert(1)\"/></svg>", "javascript: URL")]
    [InlineData("<div style=\"background:url(&#x27;javascript:alert(1)&#x27;)\">x</div>", "style on <div>")]
    [InlineData("<style>p{width:e\\78 pression(alert(1))}</style>", "expression()")]
    [InlineData("<meta http-equiv=REFRESH content=\"0;url=https://e.example\">", "<meta http-equiv=refresh>")]
    public void Obfuscated_html_is_decoded_before_it_is_judged(string html, string expected)
    {
        var findings = UnsafeHtmlScanner.Scan(html);
        Assert.Contains(findings, f => f.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>It&#39;s <strong>fine</strong> &amp; <a href=\"https://example.com\">safe</a>.</p>")]
    [InlineData("<details><summary>More</summary><kbd>Ctrl</kbd> x<sup>2</sup><br></details>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt; and javascript: in text, onerror= too</p>")]
    [InlineData("<abbr title=\"JavaScript: the good parts\">JS</abbr>")]
    [InlineData("<a href=\"&amp;#106;avascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"onload\">")]
    [InlineData("<pre><code class=\"language-html\">&lt;iframe src=x&gt;</code></pre>")]
    public void Harmless_html_is_not_flagged(string html)
    {
        Assert.Empty(UnsafeHtmlScanner.Scan(html));
    }

    [Fact]
    public void Findings_point_at_the_tag_or_the_attribute()
    {
        const string html = "<p>x</p>\n<img alt=\"a\" src=x onerror=alert(1)><script>1</script>";
        var findings = UnsafeHtmlScanner.Scan(html);
        Assert.Contains(findings, f => f.Offset == html.IndexOf("onerror", StringComparison.Ordinal) && f.Length == "onerror".Length);
        Assert.Contains(findings, f => f.Offset == html.IndexOf("<script", StringComparison.Ordinal));
    }

    [Fact]
    public void The_prefilter_clears_plain_renderer_output_and_keeps_anything_doubtful()
    {
        Assert.False(UnsafeHtmlScanner.MayBeUnsafe("<h2 id=\"purpose\">Purpose</h2>\n<p>It&#39;s <a href=\"https://example.com/a\">a</a></p>"));
        Assert.True(UnsafeHtmlScanner.MayBeUnsafe("<a href=\"&#x6A;avascript:x\">a</a>"));
        Assert.True(UnsafeHtmlScanner.MayBeUnsafe("<a href=\"java\tscript:x\">a</a>"));
        Assert.True(UnsafeHtmlScanner.MayBeUnsafe("<b/onclick=x>a</b>"));
        Assert.True(UnsafeHtmlScanner.MayBeUnsafe("<marquee>a</marquee>"));
    }

    [Theory]
    [InlineData("/souls/river-warden", "river-warden", "")]
    [InlineData("/souls/river-warden/#ethics", "river-warden", "ethics")]
    [InlineData("/occupations/river-warden?x=1#tools", "river-warden", "tools")]
    [InlineData("../river-warden/SOUL.md#caf%C3%A9", "river-warden", "café")]
    [InlineData("https://soul-atlas.github.io/souls/river-warden#tools", "river-warden", "tools")]
    [InlineData("HTTP://Soul-Atlas.GitHub.io/souls/river-warden", "river-warden", "")]
    [InlineData("https://atlas.example/souls/river-warden", "river-warden", "")]
    [InlineData("#purpose", null, "purpose")]
    public void Atlas_links_are_read(string url, string? slug, string anchor)
    {
        Assert.True(MarkdownLinkRule.TryReadTarget(url, "https://atlas.example/", out var readSlug, out var readAnchor));
        Assert.Equal(slug, readSlug);
        Assert.Equal(anchor, readAnchor);
    }

    [Theory]
    [InlineData("https://example.com/souls/x")]
    [InlineData("/api/souls/x.json")]
    [InlineData("../x/metadata.yaml")]
    [InlineData("../../souls/x/SOUL.md")]
    [InlineData("https://soul-atlas.github.io/#top")]
    [InlineData("mailto:keeper@example.com")]
    public void Other_links_are_not_atlas_links(string url)
    {
        Assert.False(MarkdownLinkRule.TryReadTarget(url, "https://soul-atlas.github.io", out _, out _));
    }

    [Fact]
    public void Phrases_match_whole_words_across_line_breaks_and_apostrophes()
    {
        var matcher = PhraseMatcher.For(new[] { "in conclusion", "it's important to note", "realm", "ever-evolving" });
        const string text = "In\n  conclusion: it’s important to note the realm, not realms or the ever‑evolving overrealm.";
        var found = matcher.Matches(text).Select(m => (text.Substring(m.Start, m.Length), m.Phrase)).ToList();
        Assert.Equal(
            new[] { ("In\n  conclusion", "in conclusion"), ("it’s important to note", "it's important to note"), ("realm", "realm"), ("ever‑evolving", "ever-evolving") },
            found);
    }

    [Fact]
    public void The_banned_phrase_list_is_a_setting()
    {
        using var corpus = new TempFolder();
        corpus.CopyFrom(Path.Combine(TestPaths.Fixtures, "rules", "schema", "valid"));
        var path = Path.Combine(corpus.Path, "bridge-keeper.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Colleagues trust", "Colleagues delve into and trust", StringComparison.Ordinal));

        var defaults = Lint.Run(corpus.Path);
        Assert.Contains(defaults.Diagnostics, d => d.Rule == RuleCatalogue.BannedPhrase);

        var custom = Lint.Run(new LintSettings { Today = Lint.Today, BannedPhrases = new[] { "small inconsistencies" } }, corpus.Path);
        var hits = custom.Diagnostics.Where(d => d.Rule == RuleCatalogue.BannedPhrase).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, d => Assert.Contains("\"small inconsistencies\"", d.Message, StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void The_published_records_render_their_markdown_and_carry_nothing_unsafe()
    {
        var result = Lint.Run(TestPaths.RecordsSample);
        Assert.Equal(24, result.Occupations);
        var body = result.Diagnostics.Where(IsBodyRule).ToList();
        Assert.True(body.Count == 0, Lint.Describe(body));

        using var corpus = TestCorpora.ReferenceAmongItsLinks();
        var reference = Lint.Run(corpus.Path).Diagnostics.Where(IsBodyRule).ToList();
        Assert.True(reference.Count == 0, Lint.Describe(reference));
    }

    [SharedDataFact]
    public void The_real_source_corpus_has_no_broken_body_links_or_unsafe_html_and_only_the_known_hazards()
    {
        var corpus = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");
        var result = Lint.Run(corpus);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == RuleCatalogue.SectionHtml || d.Rule == RuleCatalogue.MarkdownLink || d.Rule == RuleCatalogue.UnsafeHtml);

        // Each one differs on the published page: two temperature ranges struck through, and "*<em>The <em>arr stack</em></em>".
        Assert.Equal(
            new[] { "souls/cheesemaker-hobbyist/SOUL.md:28:88", "souls/cheesemaker-hobbyist/SOUL.md:89:77", "souls/home-lab-tinkerer/SOUL.md:95:3" },
            Locations(result, RuleCatalogue.RenderHazard));
        Assert.Equal(
            new[] { "souls/person-in-recovery/SOUL.md:137:11", "souls/professor/SOUL.md:48:47" },
            Locations(result, RuleCatalogue.BannedPhrase));
    }

    private static bool IsBodyRule(Diagnostics.Diagnostic d) =>
        d.Rule == RuleCatalogue.SectionHtml || d.Rule == RuleCatalogue.MarkdownLink || d.Rule == RuleCatalogue.UnsafeHtml
        || d.Rule == RuleCatalogue.RenderHazard || d.Rule == RuleCatalogue.BannedPhrase;

    private static string[] Locations(LintResult result, RuleDescriptor rule) =>
        result.Diagnostics.Where(d => d.Rule == rule).Select(d => $"{d.File}:{d.Line}:{d.Column}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
