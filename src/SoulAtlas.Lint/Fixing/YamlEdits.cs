using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Fixing;

/// <summary>
/// Edits of a located metadata.yaml tree that change one value and keep every other byte: its
/// comments, quoting, indentation and line endings. Each returns null rather than guess: when the
/// document has anchors, aliases or merge keys (one node's text may stand for several), when a
/// value carries a tag or spans lines, or when the text around a node is not what a safe edit
/// needs (a comment inside a flow list).
/// </summary>
public static class YamlEdits
{
    /// <summary>
    /// Replaces a string scalar with <paramref name="value"/>, written in the scalar's own style:
    /// plain stays plain when the value reads back as itself, single-quoted stays single-quoted,
    /// double-quoted stays double-quoted. A plain scalar that cannot hold the value is single-quoted
    /// when <paramref name="mayQuote"/>, else there is no edit.
    /// </summary>
    public static TextEdit? ReplaceScalar(JToken? token, string value, bool mayQuote = true)
    {
        if (token is not JValue || JsonLocations.SpanOf(token) is not { } span || UsesAnchors(token))
        {
            return null;
        }

        var text = span.File.Text;
        if (span.Start < 0 || span.End > text.Length || span.End <= span.Start)
        {
            return null;
        }

        var raw = text.Substring(span.Start, span.End - span.Start);
        if (raw.IndexOf('\n') >= 0 || raw.IndexOf('\r') >= 0)
        {
            return null;
        }

        string? written;
        switch (raw[0])
        {
            case '\'':
                if (raw.Length < 2 || raw[^1] != '\'')
                {
                    return null;
                }

                written = SingleQuoted(value) ?? DoubleQuoted(value);
                break;
            case '"':
                if (raw.Length < 2 || raw[^1] != '"')
                {
                    return null;
                }

                written = DoubleQuoted(value);
                break;
            default:
                // Anything before a plain scalar's text (an anchor, a tag) would be replaced with it.
                if (!IsPlainStart(raw[0]))
                {
                    return null;
                }

                written = IsSafePlain(value) ? value : mayQuote ? SingleQuoted(value) ?? DoubleQuoted(value) : null;
                break;
        }

        return written is null ? null : new TextEdit(span.Value, written);
    }

    /// <summary>
    /// Removes an item of a list, in block style (its lines, with a comment on them) or flow style
    /// (the item and one separating comma). The last item of a block list leaves <c>[]</c>, so the
    /// key still holds a list. Comments and blank lines before and after the item stay.
    /// </summary>
    public static IReadOnlyList<TextEdit>? RemoveItem(JToken item)
    {
        if (item.Parent is not JArray list || UsesAnchors(item) || JsonLocations.SpanOf(list) is not { } listSpan || JsonLocations.SpanOf(item) is not { } itemSpan)
        {
            return null;
        }

        var file = listSpan.File;
        if (!ReferenceEquals(itemSpan.File, file) || list.Any(i => JsonLocations.SpanOf(i) is not { } s || !ReferenceEquals(s.File, file)))
        {
            return null;
        }

        var index = list.IndexOf(item);
        return file.Text[listSpan.Start] == '['
            ? RemoveFlowItem(file, list, index)
            : RemoveBlockItem(file, list, listSpan, index);
    }

    /// <summary>Whether the document <paramref name="token"/> belongs to has anchors, aliases or merge keys.</summary>
    public static bool UsesAnchors(JToken token) => token.Root.Annotation<YamlTraits>()?.UsesAnchors ?? true;

    private static IReadOnlyList<TextEdit>? RemoveBlockItem(SourceFile file, JArray list, JsonNodeSpan listSpan, int index)
    {
        var text = file.Text;
        var item = list[index];
        var start = JsonLocations.SpanOf(item)!.Start;

        // The item's "- ", alone on its line but for indentation (the item may start on the next line).
        var dash = start - 1;
        while (dash >= 0 && text[dash] is ' ' or '\t' or '\r' or '\n')
        {
            dash--;
        }

        if (dash < 0 || text[dash] != '-')
        {
            return null;
        }

        var first = LineStart(text, dash);
        if (!IsBlank(text, first, dash) || IsSuppressionLine(text, first))
        {
            return null;
        }

        if (EndOf(item) is not { } end || LastLineEnd(text, end) is not { } last)
        {
            return null;
        }

        if (list.Count > 1)
        {
            // Removals from one block list are made one per pass: two applied together could empty
            // the list, and a key with no items is null, not an empty list. The empty edit at the
            // list's first line makes every removal from this list overlap the others.
            var listLine = new TextEdit(new SourceRange(file, LineStart(text, listSpan.Start), LineStart(text, listSpan.Start)), string.Empty);
            if (last == text.Length && first > 0 && text[last - 1] != '\n')
            {
                // The file ends without a line break here: take the one before the item instead.
                var before = first - 1;
                if (before > 0 && text[before] == '\n' && text[before - 1] == '\r')
                {
                    before--;
                }

                return new[] { listLine, new TextEdit(new SourceRange(file, before, last), string.Empty) };
            }

            return new[] { listLine, new TextEdit(new SourceRange(file, first, last), string.Empty) };
        }

        // The only item: the key is left holding an empty list.
        if (listSpan.KeyEnd < 0)
        {
            return null;
        }

        var colon = listSpan.KeyEnd;
        while (colon < text.Length && text[colon] is ' ' or '\t')
        {
            colon++;
        }

        if (colon >= text.Length || text[colon] != ':' || LineStart(text, colon) == first)
        {
            return null;
        }

        var removeTo = last;
        var removeFrom = first;
        if (last == text.Length && first > 0 && text[last - 1] != '\n')
        {
            removeFrom = first - 1;
            if (removeFrom > 0 && text[removeFrom] == '\n' && text[removeFrom - 1] == '\r')
            {
                removeFrom--;
            }
        }

        return new[]
        {
            new TextEdit(new SourceRange(file, colon + 1, colon + 1), " []"),
            new TextEdit(new SourceRange(file, removeFrom, removeTo), string.Empty),
        };
    }

    private static IReadOnlyList<TextEdit>? RemoveFlowItem(SourceFile file, JArray list, int index)
    {
        var text = file.Text;
        var item = list[index];
        var start = JsonLocations.SpanOf(item)!.Start;
        if (EndOf(item) is not { } end)
        {
            return null;
        }

        if (list.Count == 1)
        {
            var open = JsonLocations.SpanOf(list)!.Start;
            var close = Closer(text, end, ']');
            if (close < 0 || !IsBlank(text, open + 1, start) || !IsSeparator(text, end, close, commaRequired: false))
            {
                return null;
            }

            return new[] { new TextEdit(new SourceRange(file, open + 1, close), string.Empty) };
        }

        if (index == 0)
        {
            var next = JsonLocations.SpanOf(list[1])!.Start;
            return IsSeparator(text, end, next, commaRequired: true)
                ? new[] { new TextEdit(new SourceRange(file, start, next), string.Empty) }
                : null;
        }

        if (EndOf(list[index - 1]) is not { } previous || !IsSeparator(text, previous, start, commaRequired: true))
        {
            return null;
        }

        return new[] { new TextEdit(new SourceRange(file, previous, end), string.Empty) };
    }

    /// <summary>
    /// Where a node's text ends: a scalar at its last character, a flow collection after its closing
    /// bracket, a block collection where its last-written value ends. Null when that cannot be told.
    /// </summary>
    internal static int? EndOf(JToken token)
    {
        if (JsonLocations.SpanOf(token) is not { } span)
        {
            return null;
        }

        if (token is not JContainer container)
        {
            return span.End;
        }

        var text = span.File.Text;
        var children = token is JObject obj ? obj.Properties().Select(p => p.Value) : container.Children();
        var end = span.Start;
        foreach (var child in children)
        {
            if (EndOf(child) is not { } childEnd)
            {
                return null;
            }

            end = Math.Max(end, childEnd);
        }

        var opener = token is JObject ? '{' : '[';
        var isFlow = text[span.Start] == opener
            && (token is not JObject mapping || mapping.Properties().All(p => JsonLocations.SpanOf(p.Value) is { } s && s.KeyStart != span.Start));
        if (!isFlow)
        {
            return container.Count == 0 ? null : end;
        }

        var close = Closer(text, container.Count == 0 ? span.Start + 1 : end, token is JObject ? '}' : ']');
        return close < 0 ? null : close + 1;
    }

    /// <summary>The closing bracket after <paramref name="from"/>, across white space, commas and comments; -1 when something else comes first.</summary>
    private static int Closer(string text, int from, char closer)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == closer)
            {
                return i;
            }

            if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\r' or '\n'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c is not (' ' or '\t' or '\r' or '\n' or ','))
            {
                return -1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Whether [from, to) is white space around one comma (or only white space), with no comment that removing it would take along.</summary>
    private static bool IsSeparator(string text, int from, int to, bool commaRequired)
    {
        if (from > to)
        {
            return false;
        }

        var commas = 0;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c == ',')
            {
                commas++;
            }
            else if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return commaRequired ? commas == 1 : commas <= 1;
    }

    /// <summary>
    /// The start of the line after the one where a node ends at <paramref name="end"/>, when the
    /// rest of that line is white space or a comment; the end of the text when it has no more lines.
    /// </summary>
    private static int? LastLineEnd(string text, int end)
    {
        if (end > 0 && text[end - 1] == '\n')
        {
            // A block scalar ends with its line break.
            return end;
        }

        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] == '#' && (i == end || text[i - 1] is ' ' or '\t'))
        {
            while (i < text.Length && text[i] != '\n')
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i == text.Length)
        {
            return i;
        }

        return text[i] == '\n' ? i + 1 : null;
    }

    private static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && text[i - 1] != '\n')
        {
            i--;
        }

        return i;
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the line before the one starting at <paramref name="lineStart"/> is a soul-lint-disable-next-line comment, which would then point at another line.</summary>
    private static bool IsSuppressionLine(string text, int lineStart)
    {
        if (lineStart == 0)
        {
            return false;
        }

        var previous = LineStart(text, lineStart - 1);
        return text.IndexOf("soul-lint-disable-next-line", previous, lineStart - previous, StringComparison.Ordinal) >= 0;
    }

    /// <summary>A character a plain scalar may start with here: not an indicator (anchor, alias, tag, block scalar, quote, flow bracket, comment, directive).</summary>
    private static bool IsPlainStart(char c) => c is not ('&' or '*' or '!' or '|' or '>' or '\'' or '"' or '[' or ']' or '{' or '}' or '#' or '%' or '@' or '`' or ',' or '?' or ':' or '-');

    /// <summary>
    /// Whether <paramref name="value"/> can be written plain and read back as the same string, by
    /// js-yaml and by YamlDotNet alike: letters, digits, spaces and a few punctuation marks, no
    /// indicator, no leading or trailing space, and not a number, boolean, null or date.
    /// </summary>
    internal static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || !char.IsLetterOrDigit(value[0]) || value[^1] == ' ')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '/' or '(' or ')' or '\'' or '’' or '+'))
            {
                return false;
            }
        }

        return YamlTreeReader.ReadsAsItself(value);
    }

    /// <summary>A single-quoted scalar, or null when the value holds a character single quotes cannot carry on one line.</summary>
    internal static string? SingleQuoted(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff')
            {
                return null;
            }
        }

        return "'" + value.Replace("'", "''") + "'";
    }

    /// <summary>A double-quoted scalar with YAML escapes for the quote, the backslash and every character that is not printable.</summary>
    internal static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
