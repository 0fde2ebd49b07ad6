using System;
using System.Collections.Generic;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// The inline content of one leaf block (a paragraph, heading or table cell) as the text a
/// regular-expression renderer such as <c>marked</c> scans: literal text with its backslash escapes,
/// emphasis delimiters, and a stand-in character for each code span, HTML tag, entity, autolink and
/// link destination. Each character knows its offset in the section markdown, and whether it is
/// literal prose (a candidate for a delimiter that the renderer may pair up) or something else.
/// </summary>
internal sealed class InlineText
{
    private readonly string _markdown;
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = new();
    private readonly List<bool> _prose = new();

    private InlineText(string markdown)
    {
        _markdown = markdown;
    }

    public string Text { get; private set; } = string.Empty;

    public int Length => _offsets.Count;

    /// <summary>The offset in the section markdown of character <paramref name="index"/>, or -1 for a stand-in.</summary>
    public int OffsetAt(int index) => _offsets[index];

    /// <summary>Every emphasis the renderer makes: where its opening and closing delimiters start in <see cref="Text"/>, and their length.</summary>
    public List<(int Open, int Close, int Length)> Emphases { get; } = new();

    /// <summary>True when character <paramref name="index"/> is unescaped literal text.</summary>
    public bool IsProse(int index) => _prose[index];

    /// <summary>The text of one leaf block's inline content.</summary>
    public static InlineText Of(ContainerInline inline, string markdown)
    {
        var text = new InlineText(markdown);
        text.Append(inline);
        text.Text = text._text.ToString();
        return text;
    }

    private void Append(ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    AppendLiteral(literal);
                    break;
                case LineBreakInline lineBreak:
                    Add('\n', lineBreak.Span.Start, false);
                    break;
                case CodeInline:
                    Add('`', -1, false);
                    break;
                case EmphasisInline emphasis:
                    var open = Length;
                    AppendDelimiters(emphasis.DelimiterChar, emphasis.DelimiterCount, emphasis.Span.Start);
                    Append(emphasis);
                    Emphases.Add((open, Length, emphasis.DelimiterCount));
                    AppendDelimiters(emphasis.DelimiterChar, emphasis.DelimiterCount, emphasis.Span.End + 1 - emphasis.DelimiterCount);
                    break;
                case LinkInline link when !link.IsAutoLink:
                    Add(link.IsImage ? '!' : '[', link.Span.Start, false);
                    Append(link);
                    Add(']', -1, false);
                    Add('(', -1, false);
                    Add(')', -1, false);
                    break;
                case ContainerInline nested and not LinkInline:
                    Append(nested);
                    break;
                default:
                    // Autolinks, raw HTML and entities are tokens of their own to the renderer.
                    Add('<', -1, false);
                    break;
            }
        }
    }

    private void AppendLiteral(LiteralInline literal)
    {
        var content = literal.Content;
        var offset = literal.Span.Start;
        var i = content.Start;
        if (!literal.IsFirstCharacterEscaped && literal.Span.Length > content.Length && literal.Span.End < _markdown.Length)
        {
            // A table cell's literal spans the padding around the cell text.
            var found = _markdown.IndexOf(content.ToString(), literal.Span.Start, literal.Span.Length, StringComparison.Ordinal);
            offset = found >= 0 ? found : offset;
        }

        if (literal.IsFirstCharacterEscaped && i <= content.End)
        {
            Add('\\', offset, false);
            Add(content.Text[i], offset + 1, false);
            i++;
            offset += 2;
        }

        for (; i <= content.End; i++, offset++)
        {
            Add(content.Text[i], offset, true);
        }
    }

    private void AppendDelimiters(char delimiter, int count, int offset)
    {
        for (var i = 0; i < count; i++)
        {
            Add(delimiter, offset + i, false);
        }
    }

    private void Add(char c, int offset, bool prose)
    {
        _text.Append(c);
        _offsets.Add(offset);
        _prose.Add(prose);
    }
}
