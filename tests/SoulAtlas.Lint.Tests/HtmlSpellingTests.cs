using CsCheck;
using SoulAtlas.Lint.Rules.Content;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The one-pass comparison against the replacements it stands for.</summary>
public sealed class HtmlSpellingTests
{
    private static bool Reference(string stored, string rendered) =>
        stored.Replace("&#39;", "'", System.StringComparison.Ordinal)
        == rendered.Replace("<br />\n", "<br>", System.StringComparison.Ordinal).Replace(" />", ">", System.StringComparison.Ordinal);

    [Theory]
    [InlineData("<p>it&#39;s</p>\n", "<p>it's</p>\n")]
    [InlineData("<p>a<br>b</p>\n", "<p>a<br />\nb</p>\n")]
    [InlineData("<hr>\n", "<hr />\n")]
    [InlineData("<p>a<br>\nb</p>\n", "<p>a<br />\nb</p>\n")]
    [InlineData("<p>x</p>", "<p>y</p>")]
    [InlineData("<p>x</p>", "<p>x</p>\n")]
    [InlineData("&#39", "'")]
    [InlineData("<img src=\"a\">", "<img src=\"a\" />")]
    [InlineData("", "")]
    public void Agrees_with_the_replacements(string stored, string rendered) =>
        Assert.Equal(Reference(stored, rendered), HtmlSpelling.Same(stored, rendered));

    private static readonly string[] Pieces = { "&#39;", "'", "<br />\n", "<br>", " />", ">", "\n", "a", "<", "&", " ", "/" };

    [Fact]
    public void Agrees_on_random_spellings() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 12]
            .Select(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 12])
            .Sample((a, b) =>
            {
                var stored = string.Concat(a);
                var rendered = string.Concat(b);
                Assert.Equal(Reference(stored, rendered), HtmlSpelling.Same(stored, rendered));
                Assert.Equal(Reference(stored, stored), HtmlSpelling.Same(stored, stored));
            }, iter: 20_000);
}
