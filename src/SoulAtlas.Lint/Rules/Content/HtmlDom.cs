using System.Collections.Concurrent;
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

    /// <summary>Parses a fragment into a document (elements such as &lt;meta&gt; may move to its head).</summary>
    public IDocument Parse(string html) => ParseWith(_plain, html, keepSourceReferences: false);

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
