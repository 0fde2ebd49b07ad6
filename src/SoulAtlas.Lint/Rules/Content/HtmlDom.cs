using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// HTML parsed as a browser parses it (AngleSharp). AngleSharp documents its parser as not safe
/// for concurrent use, so parsers are pooled: each parse rents one, and parsers are created once
/// per engine and reused for every parse after that.
/// </summary>
internal sealed class HtmlDom
{
    private readonly ConcurrentBag<HtmlParser> _plain = new();
    private readonly ConcurrentBag<HtmlParser> _located = new();

    /// <summary>Deepest element nesting kept by <see cref="Parse"/>; browsers cap their trees too (Blink at 512).</summary>
    internal const int MaxDepth = 256;

    /// <summary>
    /// Parses a fragment into a document (elements such as &lt;meta&gt; may move to its head). The
    /// parser checks the stack of open elements at every tag, so thousands of unclosed elements
    /// cost time quadratic in their number: start tags nested deeper than <see cref="MaxDepth"/>
    /// (and as many end tags) are read as text, and the words stay where they were.
    /// </summary>
    public IDocument Parse(string html) => ParseWith(_plain, CapDepth(html), keepSourceReferences: false);

    /// <param name="html">The markup.</param>
    /// <param name="droppedStartTags">When given, receives the offset of every start tag read as text.</param>
    internal static string CapDepth(string html, List<int>? droppedStartTags = null)
    {
        var depth = 0;
        var excess = 0;
        char[]? copy = null;
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsLetter(html[nameStart]))
            {
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            if (!closing && (html[tagEnd - 1] == '/' || IsVoid(html, nameStart, nameEnd)))
            {
                i = tagEnd;
                continue;
            }

            var drop = false;
            if (closing)
            {
                if (excess > 0)
                {
                    excess--;
                    drop = true;
                }
                else if (depth > 0)
                {
                    depth--;
                }
            }
            else if (depth >= MaxDepth)
            {
                excess++;
                drop = true;
            }
            else
            {
                depth++;
            }

            if (drop)
            {
                if (!closing)
                {
                    droppedStartTags?.Add(i);
                }

                copy ??= html.ToCharArray();
                copy[i] = ' ';
            }

            // Within a tag a '<' starts no other tag (it is part of an attribute), and searching on
            // from the tag's end keeps the walk linear when thousands of '<' share one '>'.
            i = tagEnd;
        }

        return copy is null ? html : new string(copy);
    }

    private static readonly string[] VoidElements = { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" };

    private static bool IsVoid(string html, int start, int end)
    {
        foreach (var name in VoidElements)
        {
            if (end - start == name.Length && string.Compare(html, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like <see cref="Parse"/>, and every element knows the offset of its start tag.</summary>
    public IDocument ParseLocated(string html) => ParseWith(_located, html, keepSourceReferences: true);

    /// <summary>The offset of an element's start tag, or of the nearest located element before it in the tree.</summary>
    public static int OffsetOf(IElement element)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            if (e.SourceReference is { } reference && reference.Position.Index >= 0)
            {
                return reference.Position.Index;
            }

            foreach (var child in e.Children)
            {
                if (child.SourceReference is { } first && first.Position.Index >= 0)
                {
                    return first.Position.Index;
                }
            }
        }

        return 0;
    }

    private static IDocument ParseWith(ConcurrentBag<HtmlParser> pool, string html, bool keepSourceReferences)
    {
        if (!pool.TryTake(out var parser))
        {
            parser = keepSourceReferences ? new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }) : new HtmlParser();
        }

        try
        {
            return parser.ParseDocument(html);
        }
        finally
        {
            pool.Add(parser);
        }
    }
}
