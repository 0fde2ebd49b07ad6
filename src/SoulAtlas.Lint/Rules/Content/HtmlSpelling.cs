using System;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// The cheap check that settles almost every section: the site's html (from <c>marked</c>) and
/// Markdig's are the same up to how they spell an apostrophe (<c>&amp;#39;</c>), a void element
/// (<c>&lt;br /&gt;\n</c>, <c> /&gt;</c>) and white space in text — a line's indentation inside a
/// paragraph, the blank line before a code block's end, the line break after <c>&lt;tbody&gt;</c>.
/// None of these changes what <see cref="ReaderView"/> sees, which reads words, blocks and
/// targets only, so a pair this check calls the same needs no html parser. The runtime's
/// vectorised Replace (which returns the same string when there is nothing to replace) measured
/// faster than a hand-written one-pass comparer for the spellings.
/// </summary>
internal static class HtmlSpelling
{
    public static bool Same(string stored, string rendered)
    {
        var a = stored.Replace("&#39;", "'");
        var b = rendered.Replace("<br />\n", "<br>").Replace(" />", ">").Replace("<tbody>\n", "<tbody>");
        return string.Equals(a, b, StringComparison.Ordinal) || SameUpToTextWhiteSpace(a, b);
    }

    /// <summary>
    /// Equal, except that outside tags any run of white space matches any other run. Inside a tag
    /// (from <c>&lt;</c> to <c>&gt;</c>: attribute values, comments) every character counts, and a
    /// run never matches nothing, because that could join two words or reopen an unclosed element.
    /// </summary>
    private static bool SameUpToTextWhiteSpace(string a, string b)
    {
        int i = 0, j = 0;
        var inTag = false;
        while (i < a.Length && j < b.Length)
        {
            var c = a[i];
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

            inTag = c == '<' || (inTag && c != '>');
            i++;
            j++;
        }

        // Nothing may be left over, not even white space: after unclosed inline elements an html
        // parser reopens them for any text, white space included, and a reopened link is one more target.
        return i == a.Length && j == b.Length;
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
