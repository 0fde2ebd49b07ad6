using System.Linq;
using System.Text;
using CsCheck;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Hostile;

/// <summary>The linear replacements of quadratic paths give the results of what they replace.</summary>
public sealed class LinearPathTests
{
    private static readonly MarkdownPipeline MarkdigIds = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePreciseSourceLocation()
        .Build();

    private static readonly string[] HeadingPieces = { "h", "h-1", "h-2", "A b", "a-b", "`c`", "*e*", "[l](x)", "Ünï", "1", "-", " ", "&amp;", "<b>x</b>", "!" };

    [Fact]
    public void Heading_ids_are_the_ones_Markdig_assigns() =>
        Gen.Int[0, HeadingPieces.Length - 1].Select(i => HeadingPieces[i]).Array[1, 3].Select(string.Concat).Array[1, 12]
            .Select(headings => string.Concat(headings.Select((h, i) => (i % 3 == 0 ? "### " + h + "\n\n" : h + "\n---\n\n"))))
            .Sample(markdown => Assert.Equal(Markdown.ToHtml(markdown, MarkdigIds), BodyMarkdown.Parse(markdown, autoLinks: true).ToHtml(MarkdigIds)), iter: 3_000);

    [Fact]
    public void Repeated_headings_are_numbered_in_order()
    {
        var markdown = string.Concat(Enumerable.Repeat("### Step\n\n", 2_000)) + "### Step-1\n";
        var html = BodyMarkdown.Parse(markdown).ToHtml();
        Assert.Contains("id=\"step-1999\"", html, System.StringComparison.Ordinal);
        Assert.Contains("id=\"step-1-1\"", html, System.StringComparison.Ordinal);
        Assert.Equal(Markdown.ToHtml(markdown, MarkdigIds), BodyMarkdown.Parse(markdown, autoLinks: true).ToHtml(MarkdigIds));
    }

    private static readonly string[] JsonPieces = { "a", "é", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "😀", " ", "\\t" };

    [Fact]
    public void The_literal_map_agrees_with_a_walk_from_the_opening_quote() =>
        Gen.Int[0, JsonPieces.Length - 1].Select(i => JsonPieces[i]).Array[0, 400].Select(string.Concat)
            .Select(Gen.Int[0, 500], Gen.Int[0, 500], (literal, a, b) => (literal, a, b))
            .Sample(t =>
            {
                var text = "{\"k\": \"" + t.literal + "\"}";
                var file = new SourceFile("/f.json", "f.json", text);
                var map = JsonStringOffsets.MapOf(file, 6);

                // Out of order, as rules report.
                Assert.Equal(JsonStringOffsets.ToFileOffset(text, 6, t.b), map.ToFileOffset(t.b));
                Assert.Equal(JsonStringOffsets.ToFileOffset(text, 6, t.a), map.ToFileOffset(t.a));
                Assert.Equal(JsonStringOffsets.ToFileRange(file, 6, t.a, t.b), map.ToFileRange(t.a, t.b));
            }, iter: 3_000);

    [Fact]
    public void Every_handler_of_a_crowded_tag_is_reported_at_its_own_name()
    {
        var html = new StringBuilder("<p>x <b");
        for (var i = 0; i < 300; i++)
        {
            html.Append(" onmouse").Append(i).Append("=\"f()\"");
        }

        html.Append(">y</b></p>");
        var findings = Rules.Content.UnsafeHtmlScanner.Scan(html.ToString());
        Assert.Equal(300, findings.Count);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(html.ToString().IndexOf(" onmouse" + i + "=", System.StringComparison.Ordinal) + 1, findings[i].Offset);
        }
    }

    [Fact]
    public void Html_nested_past_the_cap_keeps_its_words_and_loses_its_depth()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5_000)) + "deep words" + string.Concat(Enumerable.Repeat("</div>", 5_000)) + "<p>after</p>";
        var document = new Rules.Content.HtmlDom().Parse(html);
        Assert.Contains("deep words", document.Body!.TextContent, System.StringComparison.Ordinal);
        Assert.Equal(Rules.Content.HtmlDom.MaxDepth, document.QuerySelectorAll("div").Length);
        Assert.Equal("after", document.QuerySelector("body > p")!.TextContent);

        // Ordinary html is untouched.
        const string Plain = "<p>a <b>b</b><br><img src=x></p><ul><li>c</li></ul>";
        Assert.Same(Plain, Rules.Content.HtmlDom.CapDepth(Plain));
    }

    [Fact]
    public void Script_nested_past_the_cap_is_still_found_where_it_is_written()
    {
        var deep = string.Concat(Enumerable.Repeat("<span>", 1_000));
        var html = deep + "<b onclick=\"f()\">x</b><a xlink:href=\"javascript:y\">z</a><script>s()</script>" + string.Concat(Enumerable.Repeat("</span>", 1_000)) + "<i onmouseover=g()>w</i>";
        var findings = Rules.Content.UnsafeHtmlScanner.Scan(html);
        Assert.Equal(
            new[] { html.IndexOf("onclick", System.StringComparison.Ordinal), html.IndexOf("xlink:href", System.StringComparison.Ordinal), html.IndexOf("<script", System.StringComparison.Ordinal), html.IndexOf("onmouseover", System.StringComparison.Ordinal) },
            findings.Select(f => f.Offset).ToArray());
        Assert.Contains("<script>", findings[2].Message, System.StringComparison.Ordinal);
    }
}
