using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Fixing;

/// <summary>
/// Edits of a located JSON tree that keep the rest of the file byte for byte, and write what they
/// add in the file's own layout: its line break (LF or CRLF) and its indentation unit (a tab, one
/// space, two, four…).
/// </summary>
public static class JsonEdits
{
    /// <summary>Replace a value, keeping the file's layout: a multi-line array stays multi-line.</summary>
    public static TextEdit? Replace(JToken token, JToken value)
    {
        var span = JsonLocations.SpanOf(token);
        if (span is null)
        {
            return null;
        }

        var original = span.File.Text.Substring(span.Start, span.End - span.Start);
        var multiline = original.IndexOf('\n') >= 0;
        var text = span.File.Text;
        return new TextEdit(span.Value, multiline ? Pretty(value, IndentOf(text, span.Start), IndentUnitOf(text), LineBreakOf(text)) : Compact(value));
    }

    /// <summary>Insert <c>"name": value</c> as the first member of an object.</summary>
    public static TextEdit? InsertFirst(JObject target, string name, JToken value)
    {
        var span = JsonLocations.SpanOf(target);
        if (span is null)
        {
            return null;
        }

        var text = span.File.Text;
        var afterBrace = span.Start + 1;
        var hasMembers = target.Count > 0;
        var multiline = text.Substring(span.Start, span.End - span.Start).IndexOf('\n') >= 0;
        var indent = IndentOf(text, span.Start);
        var lineBreak = LineBreakOf(text);
        var unit = IndentUnitOf(text);
        var member = Compact(new JValue(name)) + (multiline ? ": " : ":") + (multiline ? Pretty(value, indent + unit, unit, lineBreak) : Compact(value));
        var insertion = multiline ? lineBreak + indent + unit + member + (hasMembers ? "," : lineBreak + indent) : member + (hasMembers ? "," : string.Empty);
        return new TextEdit(new SourceRange(span.File, afterBrace, afterBrace), insertion);
    }

    public static string Compact(JToken value) => value.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The file's line break: CRLF when its first line ends with one, else LF.</summary>
    private static string LineBreakOf(string text)
    {
        var newline = text.IndexOf('\n');
        return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>
    /// The file's indentation unit: the leading white space of its first indented line (in a record,
    /// a member of the top-level object), or two spaces when no line is indented.
    /// </summary>
    private static string IndentUnitOf(string text)
    {
        for (var newline = text.IndexOf('\n'); newline >= 0 && newline + 1 < text.Length; newline = text.IndexOf('\n', newline + 1))
        {
            var end = newline + 1;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            if (end > newline + 1 && end < text.Length && text[end] != '\r' && text[end] != '\n')
            {
                return text.Substring(newline + 1, end - newline - 1);
            }
        }

        return "  ";
    }

    /// <summary>
    /// Indented JSON whose continuation lines start at <paramref name="indent"/>, nested levels indented
    /// by <paramref name="unit"/>, lines separated by <paramref name="lineBreak"/>.
    /// </summary>
    private static string Pretty(JToken value, string indent, string unit, string lineBreak)
    {
        if (value is not JContainer { Count: > 0 })
        {
            return Compact(value);
        }

        var lines = value.ToString(Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            // Newtonsoft indents two spaces per level; a string's own line breaks are escaped, so
            // every line break here is structure.
            var spaces = 0;
            while (spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            sb.Append(lineBreak).Append(indent);
            for (var level = 0; level < spaces / 2; level++)
            {
                sb.Append(unit);
            }

            sb.Append(line, spaces, line.Length - spaces);
        }

        return sb.ToString();
    }

    private static string IndentOf(string text, int offset)
    {
        var lineStart = text.LastIndexOf('\n', offset > 0 ? offset - 1 : 0) + 1;
        var end = lineStart;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text.Substring(lineStart, end - lineStart);
    }

    public static JToken Number(double value) =>
        value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15 ? new JValue((long)value) : new JValue(double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    public static JArray Strings(IEnumerable<string> values) => new(values.Select(v => new JValue(v)));
}
