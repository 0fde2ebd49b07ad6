using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Markdown without an autolink's beginning is parsed without the autolink parser: the tree must be the one the full pipeline builds.</summary>
public sealed class BodyMarkdownTests
{
    private static string Dump(MarkdownDocument document)
    {
        var dump = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            dump.Append(node.GetType().Name).Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End);
            switch (node)
            {
                case LiteralInline literal:
                    dump.Append(" \"").Append(literal.Content.ToString()).Append('"').Append(literal.IsFirstCharacterEscaped ? " escaped" : string.Empty);
                    break;
                case LinkInline link:
                    dump.Append(' ').Append(link.Url).Append(' ').Append(link.UrlSpan.Start).Append(link.IsAutoLink ? " auto" : string.Empty);
                    break;
                case EmphasisInline emphasis:
                    dump.Append(' ').Append(emphasis.DelimiterChar, emphasis.DelimiterCount);
                    break;
            }

            dump.Append('\n');
        }

        return dump.ToString();
    }

    private static void AssertSameTree(string markdown)
    {
        Assert.False(BodyMarkdown.MayHoldAutoLink(markdown));
        var full = BodyMarkdown.Parse(markdown, autoLinks: true);
        var lean = BodyMarkdown.Parse(markdown, autoLinks: false);
        Assert.Equal(Dump(full), Dump(lean));
        Assert.Equal(BodyMarkdown.RenderSection("S", full), BodyMarkdown.RenderSection("S", lean));
    }

    private static readonly string[] Pieces =
    {
        "h", "w", "W", "m", "M", "f", "ttp", "AILTO", "ttps", "tp", "ww", "ailto", ":", "/", ".", "@", "example", "com", " ", "\n", "\n\n",
        "*", "**", "_", "~~", "`", "[", "](", ")", "<", ">", "<a href=\"x\">", "</a>", "\\", "- ", "| a | b |\n|---|---|\n", "# ",
    };

    [Fact]
    public void Without_an_autolink_beginning_both_pipelines_build_the_same_tree() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 30].Select(string.Concat)
            .Where(markdown => !BodyMarkdown.MayHoldAutoLink(markdown))
            .Sample(AssertSameTree, iter: 10_000);

    [Theory]
    [InlineData("Visit http://example.com today", true)]
    [InlineData("HTTPS://EXAMPLE.COM", true)]
    [InlineData("see WWW.example.com", true)]
    [InlineData("Mailto:a@example.com", true)]
    [InlineData("ftp://files.example.com", true)]
    [InlineData("MAİLTO:a@example.com", true)]
    [InlineData("wWw.example.com", true)]
    [InlineData("the web, the world, mail to me: www example. ww.x, mailt: :/ x", false)]
    public void Autolink_beginnings_are_found(string markdown, bool expected) =>
        Assert.Equal(expected, BodyMarkdown.MayHoldAutoLink(markdown));

    [Fact]
    public void Fixture_sections_build_the_same_tree_either_way() => AssertSameTrees(TestPaths.Fixtures, atLeast: 50);

    [SharedDataFact]
    public void Published_sections_build_the_same_tree_either_way() => AssertSameTrees(TestPaths.RecordsSample, atLeast: 400);

    private static void AssertSameTrees(string folder, int atLeast)
    {
        var sections = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(path => { try { return JToken.Parse(File.ReadAllText(path)) as JObject; } catch (Newtonsoft.Json.JsonException) { return null; } })
            .SelectMany(record => record?["sections"] as JArray ?? new JArray())
            .Select(section => (string?)(section as JObject)?["markdown"])
            .OfType<string>()
            .Where(markdown => !BodyMarkdown.MayHoldAutoLink(markdown))
            .ToList();
        Assert.True(sections.Count >= atLeast, $"only {sections.Count} sections");
        foreach (var markdown in sections)
        {
            AssertSameTree(markdown);
        }
    }
}
