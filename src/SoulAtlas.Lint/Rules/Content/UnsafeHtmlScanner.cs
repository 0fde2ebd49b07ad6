using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>Something script-capable in a piece of HTML: where (offset and length in that HTML) and why.</summary>
internal readonly record struct UnsafeFinding(int Offset, int Length, string Message);

/// <summary>
/// Finds script-capable content in HTML parsed as a browser parses it (AngleSharp), so letter case,
/// entities and odd quoting do not hide a tag, a handler or a scheme.
/// </summary>
internal static class UnsafeHtmlScanner
{
    private static readonly Dictionary<string, string> Elements = new(StringComparer.Ordinal)
    {
        ["script"] = "runs script in the reader's browser",
        ["iframe"] = "embeds another page, which can run script",
        ["frame"] = "embeds another page, which can run script",
        ["frameset"] = "replaces the page with frames of other pages",
        ["object"] = "embeds a plugin or page, which can run script",
        ["embed"] = "embeds a plugin or page, which can run script",
        ["applet"] = "embeds a plugin, which can run code",
        ["base"] = "redirects every relative link and script of the page",
        ["form"] = "can send the reader's input anywhere",
        ["portal"] = "embeds another page",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "action", "formaction", "data", "background", "poster", "codebase", "cite", "lowsrc",
        "dynsrc", "longdesc", "usemap", "manifest", "ping", "profile", "icon", "archive", "classid",
    };

    private static readonly HashSet<string> AnimationValues = new(StringComparer.Ordinal) { "values", "to", "from", "by" };

    private static readonly HashSet<string> HarmlessElements = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i", "u", "s", "del", "ins",
        "code", "pre", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "hr",
        "br", "span", "div", "details", "summary", "kbd", "sup", "sub", "small", "mark", "abbr", "cite", "q", "dfn",
        "var", "samp", "dl", "dt", "dd", "figure", "figcaption", "wbr", "input", "col", "colgroup",
    };

    /// <summary>
    /// A cheap look at the raw HTML that clears it when every tag is a harmless element and no
    /// attribute holds anything that could be a handler, an entity, a control character or a scheme
    /// worth decoding. Anything in doubt is parsed.
    /// </summary>
    public static bool MayBeUnsafe(string html)
    {
        var i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            var c = html[i + 1];
            if (c == '!' || c == '?')
            {
                return true;
            }

            var nameStart = c == '/' ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == ':'))
            {
                nameEnd++;
            }

            if (nameEnd > nameStart)
            {
                var name = html.Substring(nameStart, nameEnd - nameStart);
                if (!HarmlessElements.Contains(name))
                {
                    return true;
                }

                // A quoted attribute value may hold a '>' that does not end the tag: with an odd
                // number of either quote before the first '>', where the tag ends needs a parser.
                var tagEnd = html.IndexOf('>', nameEnd);
                if (tagEnd < 0 || SuspiciousAttributes(html, nameEnd, tagEnd) || OddQuotes(html, nameEnd, tagEnd))
                {
                    return true;
                }

                i = tagEnd;
            }

            i = html.IndexOf('<', i + 1);
        }

        return false;
    }

    public static List<UnsafeFinding> Scan(string html, HtmlDom? dom = null)
    {
        var findings = new List<UnsafeFinding>();
        if (!MayBeUnsafe(html))
        {
            return findings;
        }

        // Past the depth cap a browser still builds every element (it re-parents them), so a start
        // tag the cap reads as text is judged on its own: the parse stays linear and nothing hides
        // below the cap.
        dom ??= new HtmlDom();
        var dropped = new List<int>();
        ScanParsed(html, HtmlDom.CapDepth(html, dropped), dom, 0, findings);
        foreach (var start in dropped)
        {
            var end = html.IndexOf('>', start);
            var tag = html.Substring(start, end - start + 1);
            ScanParsed(tag, tag, dom, start, findings);
        }

        if (dropped.Count > 0)
        {
            findings.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        return findings;
    }

    private static void ScanParsed(string html, string parsed, HtmlDom dom, int shift, List<UnsafeFinding> all)
    {
        var findings = new List<UnsafeFinding>();
        foreach (var element in dom.ParseLocated(parsed).All)
        {
            var name = element.LocalName.ToLowerInvariant();
            var offset = HtmlDom.OffsetOf(element);
            if (Elements.TryGetValue(name, out var why))
            {
                findings.Add(new UnsafeFinding(offset, name.Length + 1, $"<{name}> {why}"));
            }
            else if (name == "meta" && string.Equals(element.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new UnsafeFinding(offset, name.Length + 1, "<meta http-equiv=refresh> sends the reader to another page"));
            }
            else if (name == "style" && UnsafeCss(element.TextContent) is { } css)
            {
                findings.Add(new UnsafeFinding(offset, name.Length + 1, $"<style> uses {css}, which runs script in older browsers"));
            }

            CheckAttributes(html, element, name, offset, findings);
        }

        foreach (var finding in findings)
        {
            all.Add(finding with { Offset = finding.Offset + shift });
        }
    }

    private static void CheckAttributes(string html, IElement element, string elementName, int offset, List<UnsafeFinding> findings)
    {
        // Attributes are found in the start tag in their order, each search going on from the last.
        var tagEnd = -1;
        var searchFrom = offset;
        foreach (var attribute in element.Attributes)
        {
            // A browser reads xlink:href (in SVG and MathML) as a link like href, and a prefix never
            // turns a handler or a URL attribute into something harmless: judge the name after it.
            var name = UnprefixedName(attribute.Name).ToLowerInvariant();
            var value = attribute.Value;
            string? message = null;
            if (name.Length > 2 && name.StartsWith("on", StringComparison.Ordinal))
            {
                message = $"event handler {Quote.Q(name)} on <{elementName}> runs script in the reader's browser";
            }
            else if (name == "srcdoc")
            {
                message = $"srcdoc on <{elementName}> embeds a page that can run script";
            }
            else if (name == "style" && UnsafeCss(value) is { } css)
            {
                message = $"style on <{elementName}> uses {css}, which runs script in older browsers";
            }
            else if (UrlAttributes.Contains(name) && ScriptUrls.SchemeOf(value) is { } scheme)
            {
                message = $"{name} of <{elementName}> is a {scheme} URL ({Quote.Q(ScriptUrls.Show(value))}), which runs script";
            }
            else if (AnimationValues.Contains(name) && element.GetAttribute("attributeName") is { } animated
                && animated.EndsWith("href", StringComparison.OrdinalIgnoreCase) && AnyScriptUrl(value) is { } animatedScheme)
            {
                message = $"<{elementName}> sets a link to a {animatedScheme} URL, which runs script";
            }

            if (message is not null)
            {
                // <body> and <html> are made by the parser, and a start tag of theirs anywhere in the
                // text only adds attributes: those are looked for in the whole text, in such a tag.
                var implied = element.SourceReference is not { Position.Index: >= 0 } && elementName is "body" or "html" or "head";
                if (tagEnd < 0)
                {
                    tagEnd = implied ? html.Length : TagEnd(html, offset);
                    searchFrom = implied ? 0 : searchFrom;
                }

                var written = WrittenName(attribute);
                var at = AttributeOffset(html, searchFrom, tagEnd, written, implied ? elementName : null);
                if (at >= 0)
                {
                    searchFrom = at + written.Length;
                }

                findings.Add(at < 0
                    ? new UnsafeFinding(offset, elementName.Length + 1, message)
                    : new UnsafeFinding(at, written.Length, message));
            }
        }
    }

    private static string? AnyScriptUrl(string values)
    {
        foreach (var value in values.Split(';'))
        {
            if (ScriptUrls.SchemeOf(value) is { } scheme)
            {
                return scheme;
            }
        }

        return null;
    }

    /// <summary>The CSS construct that can run script, after comments and escapes are undone, or null.</summary>
    private static string? UnsafeCss(string css)
    {
        var unescaped = UnescapeCss(css);
        var plain = ScriptUrls.Squeeze(unescaped, unescaped.Length);
        if (plain.Contains("expression("))
        {
            return "expression()";
        }

        if (plain.Contains("javascript:") || plain.Contains("vbscript:"))
        {
            return "a javascript: URL";
        }

        if (plain.Contains("-moz-binding") || plain.Contains("behavior:"))
        {
            return "a binding";
        }

        return null;
    }

    /// <summary>CSS without comments, with <c>\XX</c> hex escapes and <c>\c</c> escapes decoded.</summary>
    private static string UnescapeCss(string css)
    {
        if (css.IndexOf('\\') < 0 && css.IndexOf("/*", StringComparison.Ordinal) < 0)
        {
            return css;
        }

        var sb = new StringBuilder(css.Length);
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? css.Length : close + 1;
                continue;
            }

            if (c != '\\' || i + 1 >= css.Length)
            {
                sb.Append(c);
                continue;
            }

            var hexEnd = i + 1;
            while (hexEnd < css.Length && hexEnd - i <= 6 && Uri.IsHexDigit(css[hexEnd]))
            {
                hexEnd++;
            }

            if (hexEnd > i + 1)
            {
                var code = int.Parse(css.Substring(i + 1, hexEnd - i - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                sb.Append(code is > 0 and < 0x10000 ? (char)code : '\uFFFD');
                i = hexEnd < css.Length && char.IsWhiteSpace(css[hexEnd]) ? hexEnd : hexEnd - 1;
            }
            else
            {
                sb.Append(css[i + 1]);
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>How an attribute was written: the parser moves <c>xlink:href</c> of SVG and MathML into the XLink namespace as <c>href</c>.</summary>
    private static string WrittenName(IAttr attribute) => attribute.NamespaceUri switch
    {
        "http://www.w3.org/1999/xlink" => "xlink:" + attribute.LocalName,
        "http://www.w3.org/XML/1998/namespace" => "xml:" + attribute.LocalName,
        _ => string.IsNullOrEmpty(attribute.Prefix) ? attribute.Name : attribute.Prefix + ":" + attribute.LocalName,
    };

    /// <summary>The attribute name after any namespace prefix (<c>xlink:href</c> → <c>href</c>).</summary>
    private static string UnprefixedName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon >= 0 && colon + 1 < name.Length ? name.Substring(colon + 1) : name;
    }

    /// <summary>
    /// Where an attribute's name stands in a start tag, searched in [<paramref name="from"/>,
    /// <paramref name="limit"/>), or -1; with <paramref name="inTag"/>, only inside a start tag of that element.
    /// </summary>
    private static int AttributeOffset(string html, int from, int limit, string attributeName, string? inTag = null)
    {
        from = Math.Max(0, Math.Min(from, html.Length));
        limit = Math.Max(from, Math.Min(limit, html.Length));
        for (var at = html.IndexOf(attributeName, from, limit - from, StringComparison.OrdinalIgnoreCase);
             at > 0;
             at = at + 1 >= limit ? -1 : html.IndexOf(attributeName, at + 1, limit - at - 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = html[at - 1];
            if ((char.IsWhiteSpace(before) || before == '/' || before == '"' || before == '\'') && (inTag is null || InStartTagOf(html, at, inTag)))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The '>' that ends the start tag at <paramref name="tagStart"/>, passing over quoted attribute values (which may hold '>'), or the end of the text.</summary>
    private static int TagEnd(string html, int tagStart)
    {
        var previous = ' ';
        for (var i = Math.Max(0, tagStart) + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return i;
            }

            if ((c == '"' || c == '\'') && previous == '=')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return html.Length;
                }

                i = close;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }
        }

        return html.Length;
    }

    /// <summary>Whether the nearest '&lt;' before <paramref name="at"/> opens a start tag of <paramref name="name"/> that is not closed before it.</summary>
    private static bool InStartTagOf(string html, int at, string name)
    {
        var open = html.LastIndexOf('<', at);
        return open >= 0
            && html.IndexOf('>', open, at - open) < 0
            && string.Compare(html, open + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
            && open + 1 + name.Length < html.Length
            && (char.IsWhiteSpace(html[open + 1 + name.Length]) || html[open + 1 + name.Length] == '/');
    }

    private static bool OddQuotes(string html, int start, int end)
    {
        var doubles = 0;
        var singles = 0;
        for (var i = start; i < end; i++)
        {
            doubles += html[i] == '"' ? 1 : 0;
            singles += html[i] == '\'' ? 1 : 0;
        }

        return (doubles & 1) != 0 || (singles & 1) != 0;
    }

    /// <summary>Attribute text that needs a real parse: a possible handler, an entity, a control character, a script scheme or CSS.</summary>
    private static bool SuspiciousAttributes(string html, int start, int end)
    {
        var previous = ' ';
        for (var i = start; i < end; i++)
        {
            var c = html[i];
            if (c == '&' || (c < ' ' && c != '\n' && c != '\t' && c != '\r'))
            {
                return true;
            }

            if ((c == 'o' || c == 'O') && i + 1 < end && (html[i + 1] == 'n' || html[i + 1] == 'N')
                && (char.IsWhiteSpace(previous) || previous == '/' || previous == '"' || previous == '\''))
            {
                return true;
            }

            if (c == ':' || c == '(')
            {
                var from = Math.Max(start, i - 64);
                var length = Math.Min(end, i + 16) - from;
                var squeezed = ScriptUrls.Squeeze(html.Substring(from, length), length);
                if (squeezed.Contains("script:") || squeezed.Contains("data:") || squeezed.Contains("expression(") || squeezed.Contains("url("))
                {
                    return true;
                }
            }

            if (c == 's' || c == 'S')
            {
                if (string.Compare(html, i, "srcdoc", 0, 6, StringComparison.OrdinalIgnoreCase) == 0
                    || string.Compare(html, i, "style", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            previous = c;
        }

        return false;
    }
}
