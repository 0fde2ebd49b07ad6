using System;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// The cheap check that settles almost every section: the site's html (from <c>marked</c>) and
/// Markdig's are the same up to how they spell an apostrophe (<c>&amp;#39;</c>), a void element
/// (<c>&lt;br /&gt;\n</c>, <c> /&gt;</c>) and white space in text — a line's indentation inside a
/// paragraph, the blank line before a code block's end, the line breaks around <c>&lt;tbody&gt;</c>.
/// None of these changes what <see cref="ReaderView"/> sees, which reads words, blocks and
/// targets only, so a pair this check calls the same needs no html parser. The runtime's
/// vectorised Replace (which returns the same string when there is nothing to replace) measured
/// faster than a hand-written one-pass comparer for the spellings.
/// </summary>
internal static class HtmlSpelling
{
    public static bool Same(string stored, string rendered)
    {
        // Inside a <select> an html parser drops most tags, so even a line break beside one can
        // join two words: such html is left to the parser.
        if (HasSelect(stored) || HasSelect(rendered))
        {
            return false;
        }

        var a = stored.Replace("&#39;", "'");
        var b = rendered.Replace("<br />\n", "<br>").Replace(" />", ">").Replace("<tbody>\n", "<tbody>").Replace("</tbody>\n</table>", "</tbody></table>");
        return string.Equals(a, b, StringComparison.Ordinal) || SameUpToTextWhiteSpace(a, b);
    }

    /// <summary>
    /// Equal, except that outside tags any run of white space matches any other run, and white
    /// space that opens a paragraph's text (<c>&lt;p&gt;  text</c>) matches none. Inside a tag (from
    /// <c>&lt;</c> to <c>&gt;</c>: attribute values, comments) every character counts. Elsewhere a
    /// run never matches nothing: that could join two words, or, with no text after it, make an
    /// html parser reopen an unclosed element (a reopened link is one more target).
    /// </summary>
    private static bool SameUpToTextWhiteSpace(string a, string b)
    {
        int i = 0, j = 0;
        var inTag = false;
        var tagStart = -1;
        while (i < a.Length && j < b.Length)
        {
            var c = a[i];
            if (!inTag && char.IsWhiteSpace(c) != char.IsWhiteSpace(b[j]) && OpensBlockText(a, i, tagStart))
            {
                i = char.IsWhiteSpace(c) ? SkipLeadingWhiteSpace(a, i) : i;
                j = char.IsWhiteSpace(b[j]) ? SkipLeadingWhiteSpace(b, j) : j;
                if (i < a.Length && j < b.Length && char.IsWhiteSpace(a[i]) == char.IsWhiteSpace(b[j]))
                {
                    continue;
                }

                return false;
            }

            if (!inTag && char.IsWhiteSpace(c) && char.IsWhiteSpace(b[j]))
            {
                i = SkipWhiteSpace(a, i);
                j = SkipWhiteSpace(b, j);
                continue;
            }

            if (c != b[j])
            {
                return false;
            }

            if (c == '<')
            {
                tagStart = i;
            }

            inTag = c == '<' || (inTag && c != '>');
            i++;
            j++;
        }

        // Nothing may be left over, not even white space (see above).
        return i == a.Length && j == b.Length;
    }

    /// <summary>
    /// Whether position <paramref name="i"/> of <paramref name="a"/> directly follows a <c>&lt;p&gt;</c>
    /// start tag. Only a paragraph: an html parser may drop or move other elements, or the text after
    /// them (a stray <c>&lt;td&gt;</c>, text in a table), and then the white space could join words.
    /// </summary>
    private static bool OpensBlockText(string a, int i, int tagStart) =>
        tagStart >= 0 && i == tagStart + 3 && string.CompareOrdinal(a, tagStart, "<p>", 0, 3) == 0;

    /// <summary>Whether the html has a <c>&lt;select</c> tag, in any letter case (found from each '&lt;': a case-insensitive search is slow in invariant-globalization mode).</summary>
    private static bool HasSelect(string html)
    {
        for (var i = html.IndexOf('<'); i >= 0; i = html.IndexOf('<', i + 1))
        {
            if (Ascii.LettersAt(html, i + 1, "select"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Past a block's leading white space, but only when text (not a tag, not the end) follows it.</summary>
    private static int SkipLeadingWhiteSpace(string s, int i)
    {
        var after = SkipWhiteSpace(s, i);
        return after < s.Length && s[after] != '<' ? after : i;
    }

    private static int SkipWhiteSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}
