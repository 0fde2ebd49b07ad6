using System.Linq;
using CsCheck;
using SoulAtlas.Lint.Rules.Content;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The cheap comparison that spares most sections an html parser: it accepts every pair the plain
/// spelling replacements accept, and it never calls two htmls the same that a reader sees differently.
/// </summary>
public sealed class HtmlSpellingTests
{
    private static bool Replacements(string stored, string rendered) =>
        stored.Replace("&#39;", "'", System.StringComparison.Ordinal)
        == rendered.Replace("<br />\n", "<br>", System.StringComparison.Ordinal).Replace(" />", ">", System.StringComparison.Ordinal);

    private static bool ReaderSeesTheSame(string stored, string rendered)
    {
        var a = ReaderView.Read(new HtmlDom().Parse(stored), deriveHeadingIds: false);
        var b = ReaderView.Read(new HtmlDom().Parse(rendered), deriveHeadingIds: false);
        return a.Count == b.Count && a.Zip(b).All(p => p.First.SameAs(p.Second));
    }

    [Theory]
    [InlineData("<p>it&#39;s</p>\n", "<p>it's</p>\n", true)]
    [InlineData("<p>a<br>b</p>\n", "<p>a<br />\nb</p>\n", true)]
    [InlineData("<hr>\n", "<hr />\n", true)]
    [InlineData("<p>a<br>\nb</p>\n", "<p>a<br />\nb</p>\n", false)]
    [InlineData("<p>x</p>", "<p>y</p>", false)]
    [InlineData("<p>x</p>", "<p>x</p>\n", false)]
    [InlineData("&#39", "'", false)]
    [InlineData("<img src=\"a\">", "<img src=\"a\" />", true)]
    [InlineData("", "", true)]
    [InlineData("<p>one\n  two</p>\n", "<p>one\ntwo</p>\n", true)]
    [InlineData("<pre><code>x\n</code></pre>\n", "<pre><code>x\n\n</code></pre>\n", true)]
    [InlineData("<table>\n<tbody><tr>\n<td>a</td>", "<table>\n<tbody>\n<tr>\n<td>a</td>", true)]
    [InlineData("<p>one two</p>", "<p>onetwo</p>", false)]
    [InlineData("<p><em>a</em> <em>b</em></p>", "<p><em>a</em><em>b</em></p>", false)]
    [InlineData("<a href=\"x y\">a</a>", "<a href=\"x  y\">a</a>", false)]
    [InlineData("<p>a</p>", "<p>a </p>", false)]
    [InlineData("<p><a href=\"x\">a</p>\n", "<p><a href=\"x\">a</p>\n\n", true)]
    [InlineData("<p><a href=\"x\">a</p>", "<p><a href=\"x\">a</p> ", false)]
    [InlineData("<p>  [EDA]:\nA</p>\n", "<p>[EDA]:\nA</p>\n", true)]
    [InlineData("<table><tbody><tr><td>a</td></tr>\n</tbody></table>\n", "<table><tbody>\n<tr><td>a</td></tr>\n</tbody>\n</table>\n", true)]
    [InlineData("<p>a<em> b</em></p>", "<p>a<em>b</em></p>", false)]
    [InlineData("<p> </p>", "<p></p>", false)]
    [InlineData("<li>  a</li>", "<li>a</li>", false)]
    [InlineData("<select>a<p> b", "<select>a<p>b", false)]
    [InlineData("<SeLeCt>a<br />\nb", "<SeLeCt>a<br>b", false)]
    [InlineData("<select><tbody>two<tbody>\n<a>one", "<select><tbody>two<tbody><a>one", false)]
    [InlineData("<p><a href=\"x\">a</p><p> <b>c</b></p>", "<p><a href=\"x\">a</p><p><b>c</b></p>", false)]
    [InlineData("two<tbody>two", "two<tbody>\ntwo", false)]
    [InlineData("two<tbody><tr>two", "two<tbody>\n<tr>two", false)]
    [InlineData("two</tbody></table>two", "two</tbody>\n</table>two", false)]
    [InlineData("<table></table>two</tbody></table>two", "<table></table>two</tbody>\n</table>two", false)]
    [InlineData("<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>b</td>\n</tr>\n</tbody></table>\n", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n", true)]
    public void Settles_the_known_spellings(string stored, string rendered, bool same)
    {
        Assert.Equal(same, HtmlSpelling.Same(stored, rendered));
        if (same)
        {
            Assert.True(ReaderSeesTheSame(stored, rendered));
        }
    }

    private static readonly string[] Pieces = { "&#39;", "'", "<br />\n", "<br>", " />", ">", "\n", "a", "<", "&", " ", "/" };

    [Fact]
    public void Accepts_what_the_replacements_accept_on_random_spellings() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 12]
            .Select(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 12])
            .Sample((a, b) =>
            {
                var stored = string.Concat(a);
                var rendered = string.Concat(b);
                if (Replacements(stored, rendered))
                {
                    Assert.True(HtmlSpelling.Same(stored, rendered));
                }
            }, iter: 20_000);

    private static readonly string[] HtmlPieces =
    {
        "<p>", "</p>", "<li>", "<table>", "</tbody>", "</table>", "<td>", "<select>", "<em>", "</em>", "<pre><code>", "</code></pre>", "<tbody>", "<tr>", "<td>", "</td>",
        "<a href=\"x y\">", "<a href=\"x  y\">", "</a>", "<br>", "<br />\n", "<br />", "<tbody>\n", "<!-- a b -->",
        " ", "  ", "\n", "\t", "one", "two", "&#39;", "'", "&amp;",
    };

    [Fact]
    public void Never_calls_the_same_what_a_reader_sees_differently() =>
        Gen.Int[0, HtmlPieces.Length - 1].Select(i => HtmlPieces[i]).Array[0, 10]
            .Select(Gen.Int[0, 2].Array[0, 6])
            .Sample((pieces, edits) =>
            {
                // The rendered side is the stored side with a few pieces of white space added, removed or changed.
                var stored = string.Concat(pieces);
                var changed = pieces.ToList();
                for (var k = 0; k < edits.Length && changed.Count > 0; k++)
                {
                    var at = (k * 7 + edits[k]) % changed.Count;
                    changed[at] = edits[k] switch
                    {
                        0 => changed[at] + " ",
                        1 => changed[at].Trim(),
                        _ => changed[at].Replace(" ", "\n", System.StringComparison.Ordinal),
                    };
                }

                var rendered = string.Concat(changed);
                if (HtmlSpelling.Same(stored, rendered))
                {
                    Assert.True(ReaderSeesTheSame(stored, rendered), $"stored {stored} rendered {rendered}");
                }
            }, iter: 20_000);
}
