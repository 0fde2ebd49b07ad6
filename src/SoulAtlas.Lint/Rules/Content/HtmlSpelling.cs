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
        var b = TableLineBreaks(rendered.Replace("<br />\n", "<br>").Replace(" />", ">"));
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
    /// Markdig's html without the line breaks it writes, and marked does not, between a table's
    /// <c>&lt;tbody&gt;</c> and its first row and between <c>&lt;/tbody&gt;</c> and <c>&lt;/table&gt;</c>.
    /// Inside a table a reader sees no text there; outside one an html parser drops the stray tags
    /// and the line break is text that can part two words. So a break is dropped only where the
    /// tags around it are a table's: after <c>&lt;/thead&gt;</c> or <c>&lt;table&gt;</c>, with a
    /// <c>&lt;table</c> open before it, in html without comments (which could hide or fake a tag).
    /// </summary>
    private static string TableLineBreaks(string html)
    {
        if ((html.IndexOf("<tbody>\n<tr>", StringComparison.Ordinal) < 0 && html.IndexOf("</tbody>\n</table>", StringComparison.Ordinal) < 0)
            || html.IndexOf("<!--", StringComparison.Ordinal) >= 0)
        {
            return html;
        }

        var result = new System.Text.StringBuilder(html.Length);
        var copied = 0;
        for (var i = html.IndexOf('\n'); i >= 0; i = html.IndexOf('\n', i + 1))
        {
            var afterTbody = EndsWith(html, i, "</thead>\n<tbody>") || EndsWith(html, i, "<table>\n<tbody>") || EndsWith(html, i, "<table><tbody>");
            var drop = (afterTbody && StartsAt(html, i + 1, "<tr>")) || (EndsWith(html, i, "</tbody>") && StartsAt(html, i + 1, "</table>"));
            if (drop && InTable(html, i))
            {
                result.Append(html, copied, i - copied);
                copied = i + 1;
            }
        }

        return copied == 0 ? html : result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Whether the text before position <paramref name="end"/> ends with <paramref name="suffix"/>.</summary>
    private static bool EndsWith(string html, int end, string suffix) =>
        end >= suffix.Length && string.CompareOrdinal(html, end - suffix.Length, suffix, 0, suffix.Length) == 0;

    /// <summary>Whether the text from position <paramref name="start"/> begins with <paramref name="prefix"/>.</summary>
    private static bool StartsAt(string html, int start, string prefix) =>
        start + prefix.Length <= html.Length && string.CompareOrdinal(html, start, prefix, 0, prefix.Length) == 0;

    /// <summary>Whether the last table tag before <paramref name="at"/> opens a table.</summary>
    private static bool InTable(string html, int at) =>
        html.LastIndexOf("<table", at, StringComparison.Ordinal) > html.LastIndexOf("</table", at, StringComparison.Ordinal);

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
