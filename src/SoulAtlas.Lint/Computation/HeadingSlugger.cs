using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Computation;

/// <summary>
/// Heading ids as the site's generator makes them: the heading-id plugin of its renderer
/// (<c>marked</c> with <c>marked-gfm-heading-id</c>) takes the heading's rendered html, decodes
/// numeric entities and deletes named ones (only <c>&amp;colon;</c> survives, as ':'), trims it,
/// strips tags (so an image leaves nothing), and hands it to github-slugger: JavaScript
/// lower-casing, then every character outside letters, marks, decimal and letter numbers,
/// connector punctuation, ' ' and '-' — by Unicode 13.0, the tables github-slugger 2 was built
/// from — removed, and each space turned into '-'. A section whose id comes out empty gets its
/// heading lower-cased with each run of white space turned into '-'.
/// </summary>
public static partial class HeadingSlugger
{
    // No autolink extension: bare URLs are found as marked finds them (MarkedUrls) and stand in the
    // parsed text as placeholders.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    /// <summary>The id the site gives the section with this heading (<c>## heading</c>).</summary>
    public static string Slug(string heading)
    {
        var id = PluginSlug(heading);
        return id.Length > 0 ? id : JsString.CollapseWhiteSpace(JsString.ToLower(heading), "-");
    }

    /// <summary>The id the heading-id plugin writes into the html of <c>## heading</c> (empty where the section id falls back).</summary>
    public static string PluginSlug(string heading) => SlugOfRaw(Raw(RenderedHtml(heading)));

    /// <summary>
    /// The id of a heading inside a section, before numbering (it may be empty). <paramref name="source"/>
    /// is the markdown the heading was parsed from: a heading that runs over several lines (a setext
    /// heading) keeps the white space around its line breaks as marked does, which the tree does not hold.
    /// </summary>
    public static string SlugOf(ContainerInline inline, string? source = null) => SlugOfRaw(Raw(RenderedHtml(inline, source)));

    /// <summary>The id of a heading whose plain rendered text (markup already removed) is <paramref name="renderedText"/>.</summary>
    public static string SlugOfText(string renderedText) => SlugOfRaw(JsString.Trim(renderedText));

    /// <summary>github-slugger's <c>slug</c>: JavaScript lower-casing, characters outside the kept classes removed, ' ' to '-'.</summary>
    public static string SlugOfRaw(string raw)
    {
        var text = JsString.ToLower(raw);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                sb.Append('-');
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Keeps(char.ConvertToUtf32(c, text[i + 1])))
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            if (!char.IsSurrogate(c) && Keeps(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The slug numbered as github-slugger numbers a repeat within one rendering (<c>x</c>,
    /// <c>x-1</c>, <c>x-2</c>…); <paramref name="seen"/> holds the slugs handed out so far.
    /// </summary>
    public static string Numbered(string slug, IDictionary<string, int> seen)
    {
        if (!seen.TryGetValue(slug, out var count))
        {
            seen[slug] = 0;
            return slug;
        }

        string candidate;
        do
        {
            count++;
            candidate = slug + "-" + count.ToString(CultureInfo.InvariantCulture);
        }
        while (seen.ContainsKey(candidate));

        seen[slug] = count;
        seen[candidate] = 0;
        return candidate;
    }

    /// <summary>The text of a heading as <c>marked</c> tokenizes it: trimmed, and a closing sequence of '#'s after a space removed.</summary>
    public static string MarkedHeadingText(string heading)
    {
        var text = JsString.Trim(heading);
        if (!text.EndsWith("#", StringComparison.Ordinal))
        {
            return text;
        }

        var trimmed = text.TrimEnd('#');
        return trimmed.Length == 0 || trimmed.EndsWith(" ", StringComparison.Ordinal) ? JsString.Trim(trimmed) : text;
    }

    /// <summary>The html <c>marked</c> renders for the heading's text, as far as its id depends on it.</summary>
    public static string RenderedHtml(string heading)
    {
        var text = MarkedHeadingText(heading);
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.IndexOfAny(MarkupCharacters) < 0)
        {
            return EscapeText(text);
        }

        // Bare URLs run where marked ends them, across what Markdig would read as other markup: each
        // is parsed as a placeholder (letters to emphasis, ending in punctuation where the URL does)
        // and its html put back after rendering.
        // Runs of emphasis marks that marked reads as text are escaped, so that Markdig does not pair
        // them across a placeholder.
        var (urls, literalRuns) = text.IndexOf(PlaceholderMark) < 0 ? MarkedUrls.Find(text) : (new List<(int Start, int Length)>(), new List<(int Start, int Length)>());
        var parsedText = text;
        if (urls.Count > 0)
        {
            var sb = new StringBuilder(text.Length + 8);
            var copied = 0;
            var u = 0;
            var r = 0;
            while (u < urls.Count || r < literalRuns.Count)
            {
                if (r >= literalRuns.Count || (u < urls.Count && urls[u].Start < literalRuns[r].Start))
                {
                    var (start, length) = urls[u];
                    sb.Append(text, copied, start - copied).Append(Placeholder(u, text[start + length - 1]));
                    copied = start + length;
                    u++;
                }
                else
                {
                    var (start, length) = literalRuns[r];
                    sb.Append(text, copied, start - copied);
                    for (var k = 0; k < length; k++)
                    {
                        sb.Append('\\').Append(text[start + k]);
                    }

                    copied = start + length;
                    r++;
                }
            }

            parsedText = sb.Append(text, copied, text.Length - copied).ToString();
        }

        // U+FEFF is white space to marked's emphasis (JavaScript's \s), not to Markdig's: it is parsed as
        // a no-break space, white space to both, which the id treats alike (trimmed, then removed).
        parsedText = parsedText.Replace('\uFEFF', '\u00A0');

        // Parsed as a heading of its own. marked has already taken off the one closing sequence it
        // removes; a '#' still last (after a tab, or a second run: "a # ##" is "a #") is text, which
        // Markdig would strip as a closing sequence.
        var source = "## " + parsedText;
        if (text.EndsWith("#", StringComparison.Ordinal))
        {
            source += " \\";
        }

        // Markdig is quadratic in some repetitions and refuses deep nesting: such a heading is read as written.
        MarkdownDocument document;
        try
        {
            document = Documents.BodyMarkdown.WithinWorkBudget(source) ? Markdown.Parse(source, Pipeline) : new MarkdownDocument();
        }
        catch (ArgumentException)
        {
            return EscapeText(text);
        }

        if (document.Count == 0 || document[0] is not HeadingBlock { Inline: { } inline })
        {
            return EscapeText(text);
        }

        var html = RenderedHtml(inline);
        html = source.Length != parsedText.Length + 3 && html.EndsWith(" \\", StringComparison.Ordinal) ? html.Substring(0, html.Length - 2) : html;
        for (var k = 0; k < urls.Count; k++)
        {
            var (start, length) = urls[k];
            var url = text.Substring(start, length);
            html = new StringBuilder(html).Replace(Placeholder(k, url[url.Length - 1]), "<a>" + EscapeText(url) + "</a>").ToString();
        }

        return html;
    }

    private const char PlaceholderMark = '\uE000';

    /// <summary>
    /// The stand-in for the <paramref name="index"/>th URL: private-use characters, which Markdig
    /// reads as letters, and '¡' after them where the URL ends in punctuation, so that emphasis
    /// marks around it flank it as they flank the URL.
    /// </summary>
    private static string Placeholder(int index, char last)
    {
        var mark = new string(new[] { PlaceholderMark, (char)(0xE100 + index) });
        return char.IsLetterOrDigit(last) || char.IsSurrogate(last) || CharUnicodeInfo.GetUnicodeCategory(last) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            ? mark
            : mark + "\u00A1";
    }

    /// <summary>The html <c>marked</c> renders for an already parsed heading (parsed from <paramref name="source"/>, when given).</summary>
    public static string RenderedHtml(ContainerInline inline, string? source = null)
    {
        var sb = new StringBuilder();
        Append(inline, sb, source);
        return sb.ToString();
    }

    /// <summary>The plain text a heading reads as (its id before slugging), from its rendered html.</summary>
    public static string Raw(string html) => StripTags(JsString.Trim(Unescape(html)));

    private static readonly char[] MarkupCharacters = { '`', '*', '_', '[', '<', '&', '\\', '~', '!', ':', '@', '.' };

    private static void Append(Inline inline, StringBuilder sb, string? source)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(EscapeText(literal.Content.ToString()));
                break;
            case CodeInline code:
                sb.Append("<code>").Append(EscapeAll(code.Content)).Append("</code>");
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Original.ToString());
                break;
            case LineBreakInline lineBreak:
                AppendLineBreak(lineBreak, sb, source);
                break;
            case HtmlInline html:
                sb.Append(html.Tag);
                break;
            case AutolinkInline autolink:
                sb.Append("<a>").Append(EscapeText(autolink.Url)).Append("</a>");
                break;
            case LinkInline { IsImage: true }:
                sb.Append("<img>");
                break;
            case LinkInline link:
                sb.Append("<a>");
                AppendChildren(link, sb, source);
                sb.Append("</a>");
                break;
            case EmphasisInline emphasis:
                sb.Append("<em>");
                AppendChildren(emphasis, sb, source);
                sb.Append("</em>");
                break;
            case ContainerInline container:
                AppendChildren(container, sb, source);
                break;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder sb, string? source)
    {
        foreach (var child in container)
        {
            Append(child, sb, source);
        }
    }

    /// <summary>
    /// A line break inside a heading as marked renders it: a hard one is <c>&lt;br&gt;</c>, a soft one
    /// the line break itself with a single space before it kept; either way the next line's
    /// indentation beyond its container's (a list item's, a quote's) is kept. The slugger drops line
    /// breaks and tabs and turns each of those spaces into '-'. Markdig strips that white space from
    /// its tree, so it is read from the source.
    /// </summary>
    private static void AppendLineBreak(LineBreakInline lineBreak, StringBuilder sb, string? source)
    {
        if (source is null || lineBreak.Span.Start < 0 || lineBreak.Span.Start >= source.Length)
        {
            sb.Append(lineBreak.IsHard ? "<br>" : "\n");
            return;
        }

        if (lineBreak.IsHard)
        {
            sb.Append("<br>");
        }
        else
        {
            var from = lineBreak.PreviousSibling is { Span.End: >= 0 } previous ? previous.Span.End + 1 : lineBreak.Span.Start;
            for (var i = from; i < lineBreak.Span.Start; i++)
            {
                if (source[i] is ' ' or '\t')
                {
                    sb.Append(source[i]);
                }
            }

            sb.Append('\n');
        }

        if (lineBreak.NextSibling is not { Span.Start: > 0 } next || next.Span.Start > source.Length)
        {
            return;
        }

        var runStart = next.Span.Start;
        while (runStart > lineBreak.Span.Start + 1 && source[runStart - 1] is ' ' or '\t')
        {
            runStart--;
        }

        var lineStart = source.LastIndexOf('\n', Math.Max(0, runStart - 1)) + 1;
        for (var i = Math.Max(runStart, TextStart(HeadingOf(lineBreak), source, lineStart)); i < next.Span.Start; i++)
        {
            sb.Append(source[i]);
        }
    }

    /// <summary>
    /// Where marked's text of a heading's continuation line starts: after a quote's '&gt;' and one
    /// space, or at a list item's content column; at the line's start outside containers.
    /// </summary>
    private static int TextStart(Block? heading, string source, int lineStart)
    {
        switch (heading?.Parent)
        {
            case QuoteBlock:
                var p = lineStart;
                while (p < source.Length && source[p] is ' ' or '\t')
                {
                    p++;
                }

                if (p < source.Length && source[p] == '>')
                {
                    p++;
                    if (p < source.Length && source[p] is ' ' or '\t')
                    {
                        p++;
                    }

                    return p;
                }

                return lineStart;
            case ListItemBlock:
                return lineStart + heading.Column;
            default:
                return lineStart;
        }
    }

    private static Block? HeadingOf(Inline inline)
    {
        var root = inline.Parent;
        while (root?.Parent is { } parent)
        {
            root = parent;
        }

        return root?.ParentBlock;
    }

    /// <summary>marked's escaping of text: &lt; &gt; " ' always, &amp; unless it starts an entity.</summary>
    private static string EscapeText(string text) => TextEscape().Replace(text, m => Replacement(m.Value[0]));

    /// <summary>marked's escaping of code: every &amp; &lt; &gt; " '.</summary>
    private static string EscapeAll(string text)
    {
        if (text.IndexOfAny(CodeEscapes) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c is '&' or '<' or '>' or '"' or '\'' ? Replacement(c) : c.ToString());
        }

        return sb.ToString();
    }

    private static readonly char[] CodeEscapes = { '&', '<', '>', '"', '\'' };

    private static string Replacement(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => "&#39;",
    };

    private const string TextEscapePattern = @"[<>""']|&(?!(#[0-9]{1,7}|#[Xx][a-fA-F0-9]{1,6}|[A-Za-z0-9_]+);)";
    private const string EntityPatternPattern = @"&(#(?:[0-9]+)|(?:#x[0-9A-Fa-f]+)|(?:[A-Za-z0-9_]+));?";
    private const string TagPatternPattern = @"<[!/a-z][^\n\r\u2028\u2029]*?>";
#if NET
    [GeneratedRegex(TextEscapePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TextEscape();

    [GeneratedRegex(EntityPatternPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EntityPattern();

    [GeneratedRegex(TagPatternPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TagPattern();
#else
    private static readonly Regex TextEscapeRegex = new(TextEscapePattern, RegexOptions.CultureInvariant);
    private static readonly Regex EntityRegex = new(EntityPatternPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex TagRegex = new(TagPatternPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static Regex TextEscape() => TextEscapeRegex;

    private static Regex EntityPattern() => EntityRegex;

    private static Regex TagPattern() => TagRegex;
#endif

    /// <summary>The heading-id plugin's unescape: numeric entities decoded (to one UTF-16 unit, as String.fromCharCode does), named ones deleted but &amp;colon;.</summary>
    private static string Unescape(string html) => html.IndexOf('&') < 0 ? html : EntityPattern().Replace(html, m =>
    {
        var n = m.Groups[1].Value.ToLowerInvariant();
        if (n == "colon")
        {
            return ":";
        }

        if (n[0] != '#')
        {
            return string.Empty;
        }

        var value = n[1] == 'x' ? ParseHex(n.Substring(2)) : double.Parse(n.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture);
        return ((char)ToUint16(value)).ToString();
    });

    private static double ParseHex(string digits)
    {
        var value = 0.0;
        foreach (var c in digits)
        {
            value = (value * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return value;
    }

    /// <summary>JavaScript's ToUint16 of a non-negative number.</summary>
    private static int ToUint16(double value) => !double.IsInfinity(value) && !double.IsNaN(value) ? (int)(value % 65536.0) : 0;

    private static string StripTags(string text) => text.IndexOf('<') < 0 ? text : TagPattern().Replace(text, string.Empty);

    /// <summary>Whether github-slugger keeps the (lower-cased) code point.</summary>
    private static bool Keeps(int cp)
    {
        if (cp < 0x80)
        {
            return cp is ' ' or '-' or '_' or (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
        }

        var category = JsString.CategoryOf(cp);
        switch (category)
        {
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.ConnectorPunctuation:
                return !AssignedAfterUnicode13(cp);
            case UnicodeCategory.OtherSymbol:
                // Circled and squared Latin letters are alphabetic (Other_Alphabetic) and kept.
                return cp is (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);
            default:
                return false;
        }
    }

    /// <summary>
    /// Letters, marks and digits assigned after Unicode 13.0, which github-slugger 2's tables
    /// (Unicode 13.0) do not know and remove; pairs of first and last code point.
    /// </summary>
    private static readonly int[] NewerThanUnicode13 =
    {
        0x870, 0x887, 0x889, 0x88E, 0x897, 0x89F, 0x8B5, 0x8B5, 0x8C8, 0x8D2, 0xC3C, 0xC3C, 0xC5D, 0xC5D, 0xCDD, 0xCDD, 0xCF3, 0xCF3,
        0xECE, 0xECE, 0x170D, 0x170D, 0x1715, 0x1715, 0x171F, 0x171F, 0x180F, 0x180F, 0x1AC1, 0x1ACE, 0x1B4C, 0x1B4C, 0x1C89, 0x1C8A,
        0x1DFA, 0x1DFA, 0x2C2F, 0x2C2F, 0x2C5F, 0x2C5F, 0x9FFD, 0x9FFF, 0xA7C0, 0xA7C1, 0xA7CB, 0xA7CD, 0xA7CE, 0xA7CF, 0xA7D0, 0xA7D1,
        0xA7D2, 0xA7D3, 0xA7D4, 0xA7D4, 0xA7D5, 0xA7DC, 0xA7F2, 0xA7F4,
        0x10570, 0x1057A, 0x1057C, 0x1058A, 0x1058C, 0x10592, 0x10594, 0x10595, 0x10597, 0x105A1, 0x105A3, 0x105B1, 0x105B3, 0x105B9,
        0x105BB, 0x105BC, 0x105C0, 0x105F3, 0x10780, 0x10785, 0x10787, 0x107B0, 0x107B2, 0x107BA, 0x10D40, 0x10D65, 0x10D69, 0x10D6D,
        0x10D6F, 0x10D85, 0x10EC2, 0x10EC4, 0x10EFC, 0x10EFF, 0x10F70, 0x10F85, 0x11070, 0x11075, 0x110C2, 0x110C2, 0x1123F, 0x11241,
        0x11380, 0x11389, 0x1138B, 0x1138B, 0x1138E, 0x1138E, 0x11390, 0x113B5, 0x113B7, 0x113C0, 0x113C2, 0x113C2, 0x113C5, 0x113C5,
        0x113C7, 0x113CA, 0x113CC, 0x113D3, 0x113E1, 0x113E2, 0x116D0, 0x116E3, 0x11740, 0x11746, 0x11AB0, 0x11ABF, 0x11BC0, 0x11BE0,
        0x11BF0, 0x11BF9, 0x11F00, 0x11F10, 0x11F12, 0x11F3A, 0x11F3E, 0x11F42, 0x11F50, 0x11F5A, 0x12F90, 0x12FF0, 0x1342F, 0x1342F,
        0x13440, 0x13455, 0x13460, 0x143FA, 0x16100, 0x16139, 0x16A70, 0x16ABE, 0x16AC0, 0x16AC9, 0x16D40, 0x16D6C, 0x16D70, 0x16D79,
        0x16EA0, 0x16ED3, 0x18CFF, 0x18CFF, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B11F, 0x1B122, 0x1B132, 0x1B132,
        0x1B155, 0x1B155, 0x1CCF0, 0x1CCF9, 0x1CF00, 0x1CF2D, 0x1CF30, 0x1CF46, 0x1DF00, 0x1DF1E, 0x1DF25, 0x1DF2A, 0x1E030, 0x1E06D,
        0x1E08F, 0x1E08F, 0x1E290, 0x1E2AE, 0x1E4D0, 0x1E4F9, 0x1E5D0, 0x1E5FA, 0x1E7E0, 0x1E7E6, 0x1E7E8, 0x1E7EB, 0x1E7ED, 0x1E7EE,
        0x1E7F0, 0x1E7FE, 0x2A6DE, 0x2A6DF, 0x2B735, 0x2B739, 0x2EBF0, 0x2EE5D, 0x31350, 0x323AF,
    };

    private static bool AssignedAfterUnicode13(int cp)
    {
        if (cp < 0x870)
        {
            return false;
        }

        for (var i = 0; i < NewerThanUnicode13.Length; i += 2)
        {
            if (cp < NewerThanUnicode13[i])
            {
                return false;
            }

            if (cp <= NewerThanUnicode13[i + 1])
            {
                return true;
            }
        }

        return false;
    }
}
