using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// The bare URLs (GFM's extended autolinks) in a line of inline markdown, where <c>marked</c> finds
/// them: a URL starts with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>www.</c> and a
/// letter, digit or '-', and runs to the next white space or '&lt;' whatever stands in between (other
/// scripts, entities, emphasis marks, backticks); then trailing punctuation is given back as marked's
/// backpedal gives it back (a closing ')' without its '(', a final entity-like <c>&amp;x;</c>'s ';').
/// A URL is not sought inside code spans, html, angle-bracket autolinks or a link's text, and a URL
/// inside emphasis ends where the emphasis closes, as marked reads emphasis before the URL.
/// Markdig ends a URL at other characters, and (without its own autolinks) starts one only after
/// white space, so the heading id of <c>## https://example.org日本語&amp;#128512;</c> differed.
/// </summary>
internal static partial class MarkedUrls
{
    /// <summary>
    /// The URLs in <paramref name="text"/> as (start, length), in order, and the runs of '*', '_'
    /// and '~' outside them that marked reads as text: with a URL's inside hidden, Markdig would pair
    /// such a run with another, so they are for escaping.
    /// </summary>
    public static (List<(int Start, int Length)> Urls, List<(int Start, int Length)> LiteralRuns) Find(string text)
    {
        var found = new List<(int Start, int Length)>();
        var literals = new List<(int Start, int Length)>();
        if (text.IndexOf("://", System.StringComparison.Ordinal) >= 0 || text.IndexOf("ww.", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            Scan(text, 0, text.Length, found, literals);
        }

        return (found, literals);
    }

    /// <summary>
    /// <paramref name="text"/> with each URL written as an explicit link of the same text and target
    /// (a <c>www.</c> one to <c>http://</c>), and the runs of emphasis marks marked reads as text
    /// escaped, so that Markdig renders the words where marked does.
    /// </summary>
    public static string AsLinks(string text)
    {
        var (urls, literals) = Find(text);
        if (urls.Count == 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 32);
        var copied = 0;
        var u = 0;
        var r = 0;
        while (u < urls.Count || r < literals.Count)
        {
            var takeUrl = r >= literals.Count || (u < urls.Count && urls[u].Start < literals[r].Start);
            var (start, length) = takeUrl ? urls[u++] : literals[r++];
            sb.Append(text, copied, start - copied);
            copied = start + length;
            if (!takeUrl)
            {
                Escape(sb, text, start, length);
                continue;
            }

            var url = text.Substring(start, length);
            sb.Append('[');
            Escape(sb, text, start, length);
            sb.Append("](<");
            var href = url.StartsWith("www.", System.StringComparison.OrdinalIgnoreCase) ? "http://" + url : url;
            foreach (var c in href)
            {
                sb.Append(c is '\\' or '>' or '<' ? "\\" + c : c.ToString());
            }

            sb.Append(">)");
        }

        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Appends the text with its punctuation escaped, but for a '&amp;' that starts an entity-like
    /// <c>&amp;#?\w+;</c>: marked writes that as it stands, which reads as the entity (<c>&amp;lt;</c>
    /// is '&lt;'), and Markdig, given it unescaped, reads it so too.
    /// </summary>
    private static void Escape(System.Text.StringBuilder sb, string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (text[i] == '&' && EntityLikeAt(text, i, start + length) is var entityEnd && entityEnd > 0)
            {
                sb.Append(text, i, entityEnd + 1 - i);
                i = entityEnd;
                continue;
            }

            if (IsAsciiPunctuation(text[i]))
            {
                sb.Append('\\');
            }

            sb.Append(text[i]);
        }
    }

    /// <summary>Where the ';' of a <c>#?[A-Za-z0-9_]+;</c> after the '&amp;' at <paramref name="at"/> stands (before <paramref name="end"/>), else -1: marked's test before it escapes a '&amp;'.</summary>
    private static int EntityLikeAt(string text, int at, int end)
    {
        var i = at + 1;
        if (i < end && text[i] == '#')
        {
            i++;
        }

        var first = i;
        while (i < end && (text[i] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
        {
            i++;
        }

        return i > first && i < end && text[i] == ';' ? i : -1;
    }

    private static void Scan(string text, int from, int to, List<(int Start, int Length)> found, List<(int Start, int Length)> literals)
    {
        var tokenStart = true;
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < to && IsAsciiPunctuation(text[i + 1]))
            {
                i += 2;
                tokenStart = true;
                continue;
            }

            if (c == '`')
            {
                var run = RunLength(text, i, to, '`');
                var close = ClosingBackticks(text, i + run, to, run);
                i = close >= 0 ? close + run : i + run;
                tokenStart = close >= 0;
                continue;
            }

            if (c == '<' && AngleToken(text, i, to) is var angle and > 0)
            {
                i += angle;
                tokenStart = true;
                continue;
            }

            if ((c == '[' || (c == '!' && i + 1 < to && text[i + 1] == '[')) && InlineLinkEnd(text, c == '!' ? i + 1 : i, to) is var linkEnd and > 0)
            {
                // A link's text is not searched: marked reads it "in a link".
                i = linkEnd;
                tokenStart = true;
                continue;
            }

            if (c is '*' or '_' or '~')
            {
                var run = RunLength(text, i, to, c);
                var closer = c == '~' ? StrikeCloser(text, i, run, to) : EmphasisCloser(text, i, run, to, from);
                if (closer >= 0)
                {
                    Scan(text, i + run, closer, found, literals);
                    i = closer + RunLength(text, closer, to, c);
                    tokenStart = true;
                    continue;
                }

                literals.Add((i, run));
                i += run;
                tokenStart = false;
                continue;
            }

            if ((tokenStart || LowerCasePrefix(text, i)) && UrlLength(text, i, to) is var length and > 0)
            {
                found.Add((i, length));
                i += length;
                tokenStart = true;
                continue;
            }

            i++;
            tokenStart = false;
        }
    }

    /// <summary>The length of marked's URL at <paramref name="at"/> after backpedalling, or 0.</summary>
    private static int UrlLength(string text, int at, int to)
    {
        var m = UrlPattern().Match(text, at, to - at);
        if (!m.Success)
        {
            return 0;
        }

        var url = m.Value;
        string previous;
        do
        {
            previous = url;
            var back = Backpedal().Match(url);
            url = back.Success ? back.Value : string.Empty;
        }
        while (url != previous);

        return url.Length;
    }

    private static bool LowerCasePrefix(string text, int at) =>
        string.CompareOrdinal(text, at, "http://", 0, 7) == 0 || string.CompareOrdinal(text, at, "https://", 0, 8) == 0
        || string.CompareOrdinal(text, at, "ftp://", 0, 6) == 0 || string.CompareOrdinal(text, at, "www.", 0, 4) == 0;

    private static int RunLength(string text, int at, int to, char c)
    {
        var n = 0;
        while (at + n < to && text[at + n] == c)
        {
            n++;
        }

        return n;
    }

    private static int ClosingBackticks(string text, int from, int to, int run)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var n = RunLength(text, i, to, '`');
            if (n == run)
            {
                return i;
            }

            i += n - 1;
        }

        return -1;
    }

    /// <summary>The length of an html tag, comment or angle-bracket autolink at <paramref name="at"/>, or 0.</summary>
    private static int AngleToken(string text, int at, int to)
    {
        var m = AnglePattern().Match(text, at, to - at);
        return m.Success ? m.Length : 0;
    }

    /// <summary>The end of an inline link <c>[text](destination)</c> opening at <paramref name="open"/>, or 0.</summary>
    private static int InlineLinkEnd(string text, int open, int to)
    {
        var depth = 0;
        var i = open;
        for (; i < to; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`')
            {
                var run = RunLength(text, i, to, '`');
                var close = ClosingBackticks(text, i + run, to, run);
                i = (close >= 0 ? close + run : i + run) - 1;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                break;
            }
        }

        if (i + 1 >= to || text[i + 1] != '(')
        {
            return 0;
        }

        var parens = 0;
        for (var j = i + 1; j < to; j++)
        {
            var c = text[j];
            if (c == '\\')
            {
                j++;
            }
            else if (c == '(')
            {
                parens++;
            }
            else if (c == ')' && --parens == 0)
            {
                return j + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Where a run of '*' or '_' that can open emphasis is closed (the closing run's start), or -1.
    /// As marked counts: a run that can only open adds its length, any other run of the same
    /// character takes its length off, and the run that brings the count to zero closes.
    /// </summary>
    private static int EmphasisCloser(string text, int at, int run, int to, int from)
    {
        var c = text[at];
        if (!CanOpen(c, Before(text, at, from), After(text, at + run, to)))
        {
            return -1;
        }

        var open = run;
        for (var i = at + run; i < to; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '`')
            {
                var n = RunLength(text, i, to, '`');
                var close = ClosingBackticks(text, i + n, to, n);
                i = (close >= 0 ? close + n : i + n) - 1;
                continue;
            }

            if (text[i] != c)
            {
                continue;
            }

            var length = RunLength(text, i, to, c);
            var before = Before(text, i, from);
            var after = After(text, i + length, to);
            if (CanOpen(c, before, after) && !CanClose(c, before, after))
            {
                open += length;
            }
            else if (CanClose(c, before, after) && (open -= length) <= 0)
            {
                return i;
            }

            i += length - 1;
        }

        return -1;
    }

    /// <summary>The character class (white space, punctuation, other) of the code point before <paramref name="at"/>.</summary>
    private static Flank Before(string text, int at, int from)
    {
        if (at <= from)
        {
            return Flank.Space;
        }

        var c = text[at - 1];
        return char.IsLowSurrogate(c) && at - 2 >= from && char.IsHighSurrogate(text[at - 2]) ? Classify(char.ConvertToUtf32(text[at - 2], c)) : Classify(c);
    }

    /// <summary>The character class of the code point at <paramref name="at"/>.</summary>
    private static Flank After(string text, int at, int to)
    {
        if (at >= to)
        {
            return Flank.Space;
        }

        var c = text[at];
        return char.IsHighSurrogate(c) && at + 1 < to && char.IsLowSurrogate(text[at + 1]) ? Classify(char.ConvertToUtf32(c, text[at + 1])) : Classify(c);
    }

    private enum Flank
    {
        Space,
        Punctuation,
        Other,
    }

    private static Flank Classify(int cp)
    {
        if (cp <= 0xFFFF && JsString.IsWhiteSpace((char)cp))
        {
            return Flank.Space;
        }

        if (cp < 0x80)
        {
            return IsAsciiPunctuation((char)cp) ? Flank.Punctuation : Flank.Other;
        }

        // marked's punctuation is \p{P} and \p{S}.
        return JsString.CategoryOf(cp) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
            ? Flank.Punctuation
            : Flank.Other;
    }

    /// <summary>Where <c>~x~</c> or <c>~~x~~</c> closes (marked's GFM strikethrough), or -1.</summary>
    private static int StrikeCloser(string text, int at, int run, int to)
    {
        if (run > 2 || at + run >= to || JsString.IsWhiteSpace(text[at + run]) || text[at + run] == '~')
        {
            return -1;
        }

        for (var i = at + run + 1; i < to; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '~')
            {
                var length = RunLength(text, i, to, '~');
                if (length == run && !JsString.IsWhiteSpace(text[i - 1]))
                {
                    return i;
                }

                i += length - 1;
            }
        }

        return -1;
    }

    private static bool CanOpen(char c, Flank before, Flank after)
    {
        var left = LeftFlanking(before, after);
        return c == '*' ? left : left && (!RightFlanking(before, after) || before == Flank.Punctuation);
    }

    private static bool CanClose(char c, Flank before, Flank after)
    {
        var right = RightFlanking(before, after);
        return c == '*' ? right : right && (!LeftFlanking(before, after) || after == Flank.Punctuation);
    }

    private static bool LeftFlanking(Flank before, Flank after) =>
        after != Flank.Space && (after != Flank.Punctuation || before != Flank.Other);

    private static bool RightFlanking(Flank before, Flank after) =>
        before != Flank.Space && (before != Flank.Punctuation || after != Flank.Other);

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    // marked's GFM url rule (the domain part reduces to one letter, digit or '-' after the prefix) and
    // its backpedal; JavaScript's \s is spelled out, and '$' has no line break to stop before here.
    private const string UrlPatternPattern = @"\G(?:(?:[Ff][Tt][Pp]|[Hh][Tt][Tt][Pp][Ss]?)://|[Ww][Ww][Ww]\.)[a-zA-Z0-9\-][^\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF<]*";
    private const string BackpedalPattern = @"(?:[^?!.,:;*_'""~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'""~)]+(?!$))+";
    private const string AnglePatternPattern = @"\G(?:<!--[\s\S]*?-->|</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>|<[A-Za-z][A-Za-z0-9.+\-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>)";
#if NET
    [GeneratedRegex(UrlPatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(BackpedalPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Backpedal();

    [GeneratedRegex(AnglePatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AnglePattern();
#else
    private static readonly Regex UrlRegex = new(UrlPatternPattern, RegexOptions.CultureInvariant);
    private static readonly Regex BackpedalRegex = new(BackpedalPattern, RegexOptions.CultureInvariant);
    private static readonly Regex AngleRegex = new(AnglePatternPattern, RegexOptions.CultureInvariant);

    private static Regex UrlPattern() => UrlRegex;

    private static Regex Backpedal() => BackpedalRegex;

    private static Regex AnglePattern() => AngleRegex;
#endif

    /// <summary>
    /// <paramref name="url"/> with the characters beyond ASCII in its host percent-encoded (UTF-8),
    /// as marked leaves a host as it was written: Markdig would turn such a host into its IDNA form
    /// (<c>xn--…</c>, and <c>ｅｘ</c> into <c>ex</c>), a different link. Markdig keeps the escapes,
    /// and a reader decodes them again. Any other URL is returned as it is.
    /// </summary>
    public static string WithHostAsWritten(string url)
    {
        // The host as Markdig finds it: after the first ':' when "//" follows, up to '/', '?', '#' or ':'.
        var colon = url.IndexOf(':');
        if (colon < 0 || colon + 2 >= url.Length || url[colon + 1] != '/' || url[colon + 2] != '/')
        {
            return url;
        }

        var start = colon + 3;
        var end = url.IndexOfAny(HostEnds, start);
        if (end < 0)
        {
            end = url.Length;
        }

        var beyondAscii = false;
        for (var i = start; i < end && !beyondAscii; i++)
        {
            beyondAscii = url[i] > 127;
        }

        if (!beyondAscii)
        {
            return url;
        }

        var builder = new System.Text.StringBuilder(url.Length + 16);
        builder.Append(url, 0, start);
        var bytes = new byte[4];
        for (var i = start; i < end; i++)
        {
            var c = url[i];
            if (c <= 127)
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(url[i + 1]) ? 2 : 1;
            var count = System.Text.Encoding.UTF8.GetBytes(url, i, length, bytes, 0);
            for (var b = 0; b < count; b++)
            {
                builder.Append('%').Append(bytes[b].ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return builder.Append(url, end, url.Length - end).ToString();
    }

    private static readonly char[] HostEnds = { '/', '?', '#', ':' };
}
