using System;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// HTML parsed as a browser parses it (AngleSharp). AngleSharp documents its parser as not safe
/// for concurrent use, so each thread keeps its own pair, created once and reused for every parse.
/// </summary>
internal static class HtmlDom
{
    [ThreadStatic]
    private static HtmlParser? _plain;

    [ThreadStatic]
    private static HtmlParser? _located;

    /// <summary>Parses a fragment into a document (elements such as &lt;meta&gt; may move to its head).</summary>
    public static IDocument Parse(string html) => (_plain ??= new HtmlParser()).ParseDocument(html);

    /// <summary>Like <see cref="Parse"/>, and every element knows the offset of its start tag.</summary>
    public static IDocument ParseLocated(string html) =>
        (_located ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })).ParseDocument(html);

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
}
