using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using SoulAtlas.Lint.Computation;

namespace SoulAtlas.Lint.Rules.Content;

internal enum MarkKind
{
    Open,
    Word,
    Target,
}

/// <summary>One thing a reader sees; <see cref="Block"/> is the block element it belongs to (or is).</summary>
internal readonly record struct Mark(MarkKind Kind, string Value, IElement? Block)
{
    public bool SameAs(Mark other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override string ToString() => Kind switch
    {
        MarkKind.Open => "<" + Value + ">",
        _ => Value,
    };
}

/// <summary>
/// What a reader sees of rendered HTML: block elements in document order (headings with their
/// ids), link and image targets, and the words of each block. Inline markup, entity spelling,
/// whitespace, punctuation and attribute order are left out, because <c>marked</c> and Markdig
/// legitimately differ there: <c>marked</c> strikes through a pair of single tildes and balances
/// <c>**…*</c> differently, and neither changes a word. Where a container ends is left out too:
/// <c>marked</c> keeps an unindented <c>&gt;</c> line that follows a list item inside the item,
/// where CommonMark (and Markdig) close the list first; the blocks and their order are the same.
/// </summary>
internal static class ReaderView
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    };

    /// <summary>
    /// Reads a parsed document. With <paramref name="deriveHeadingIds"/> a heading's id is the GitHub
    /// slug of its text, numbered when repeated, as the site's renderer assigns it; otherwise the
    /// stored id attribute is taken as written.
    /// </summary>
    public static List<Mark> Read(IDocument document, bool deriveHeadingIds) => Read(document, deriveHeadingIds, null);

    /// <summary>
    /// Reads a parsed document whose headings get <paramref name="headingIds"/>, in order (the ids
    /// the site's renderer gives the markdown's headings), when there are as many as headings;
    /// otherwise as <see cref="Read(IDocument, bool)"/>.
    /// </summary>
    public static List<Mark> Read(IDocument document, bool deriveHeadingIds, IReadOnlyList<string>? headingIds)
    {
        var marks = new List<Mark>();
        var text = new StringBuilder();
        var targets = new List<string>();
        var slugs = deriveHeadingIds ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        // The markdown's headings carry the ids Markdig gave them; a heading written as html carries only
        // what its author wrote, and the site's renderer leaves it so.
        var ids = headingIds is not null && headingIds.Count == document.QuerySelectorAll("h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]").Length ? headingIds : null;
        var nextId = 0;
        IElement? block = null;

        void Flush()
        {
            AddWords(text, block, marks);
            text.Clear();
            foreach (var target in targets)
            {
                marks.Add(new Mark(MarkKind.Target, target, block));
            }

            targets.Clear();
        }

        // Iterative, so that a hostile nesting depth cannot exhaust the stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((document.DocumentElement, false));
        var blocks = new Stack<IElement?>();
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IElement element)
            {
                var name = element.LocalName;
                var isBlock = BlockElements.Contains(name);
                if (leaving)
                {
                    if (isBlock)
                    {
                        Flush();
                        block = blocks.Pop();
                    }

                    continue;
                }

                if (isBlock)
                {
                    Flush();
                    var fromMarkdown = ids is not null && IsHeading(name) && element.HasAttribute("id");
                    var open = fromMarkdown ? name + (ids![nextId].Length == 0 ? string.Empty : "#" + ids[nextId]) : DescribeOpen(element, ids is null ? slugs : null);
                    if (fromMarkdown)
                    {
                        nextId++;
                    }

                    marks.Add(new Mark(MarkKind.Open, open, element));
                    blocks.Push(block);
                    block = element;
                }
                else if (name is "br" or "img" or "input")
                {
                    text.Append(' ');
                }

                AddTarget(element, "href", targets);
                AddTarget(element, "src", targets);
                stack.Push((element, true));
                for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((element.ChildNodes[i], false));
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                text.Append(node.TextContent);
            }
        }

        Flush();
        return marks;
    }

    /// <summary>The element's place among the blocks around it, for messages: <c>ul[2] &gt; li[3]</c>.</summary>
    public static string PathOf(IElement element)
    {
        var parts = new List<string>();
        for (IElement? e = element; e is not null && e.LocalName is not ("body" or "head" or "html"); e = e.ParentElement)
        {
            if (!BlockElements.Contains(e.LocalName))
            {
                continue;
            }

            var index = 1;
            for (var sibling = e.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
            {
                if (string.Equals(sibling.LocalName, e.LocalName, StringComparison.Ordinal))
                {
                    index++;
                }
            }

            parts.Add(e.LocalName + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        parts.Reverse();
        return string.Join(" > ", parts);
    }

    private static string DescribeOpen(IElement element, Dictionary<string, int>? slugs)
    {
        var name = element.LocalName;
        if (name.Length != 2 || name[0] != 'h' || name[1] < '1' || name[1] > '6')
        {
            return name;
        }

        var id = slugs is null
            ? element.GetAttribute("id") ?? string.Empty
            : HeadingSlugger.Numbered(HeadingSlugger.SlugOfText(element.TextContent.Trim()), slugs);
        return id.Length == 0 ? name : name + "#" + id;
    }

    private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';

    /// <summary>
    /// A link or image target, percent-decoded (marked encodes a target as encodeURI does, Markdig
    /// not always). An autolink's target, which only repeats its text (<c>mailto:</c> or
    /// <c>http://</c> added), is not one: which bare addresses and e-mails become links, and where
    /// such a link ends, is a renderer difference, and its words are read either way.
    /// </summary>
    private static void AddTarget(IElement element, string attribute, List<string> targets)
    {
        var value = element.GetAttribute(attribute);
        if (value is null)
        {
            return;
        }

        value = value.Trim();
        if (attribute == "href" && element.LocalName == "a" && IsAutolink(value, element.TextContent.Trim()))
        {
            return;
        }

        targets.Add(attribute + "=" + Decode(value));
    }

    private static bool IsAutolink(string href, string text) =>
        text.Length > 0
        && (string.Equals(Decode(href), Decode(text), StringComparison.Ordinal)
            || string.Equals(Loose(Decode(href)), Loose(text), StringComparison.Ordinal)
            || string.Equals(href, "mailto:" + text, StringComparison.Ordinal)
            || string.Equals(href, "http://" + text, StringComparison.Ordinal)
            || (href.StartsWith(text, StringComparison.Ordinal) && text.IndexOf(':') > 0 && OnlyPunctuation(href.Substring(text.Length)))
            || (text.StartsWith(href, StringComparison.Ordinal) && href.IndexOf(':') > 0 && OnlyPunctuation(text.Substring(href.Length))));

    /// <summary>A target as a host name is normalised (IDNA: compatibility forms, case, invisible characters), for telling an autolink.</summary>
    private static string Loose(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormKC))
        {
            if (c is not ('\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static bool OnlyPunctuation(string rest)
    {
        foreach (var c in rest)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Decode(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    private static void AddWords(StringBuilder builder, IElement? block, List<Mark> marks)
    {
        // A StringBuilder's indexer walks its chunks on every call: read a string instead.
        var text = builder.ToString();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && IsWordCharacter(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                marks.Add(new Mark(MarkKind.Word, text.Substring(start, i - start), block));
                start = -1;
            }
        }
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
