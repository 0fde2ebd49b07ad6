using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Fixing;

/// <summary>Edits of a located JSON tree that keep the rest of the file byte for byte.</summary>
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
        return new TextEdit(span.Value, multiline ? Pretty(value, IndentOf(span.File.Text, span.Start), LineBreakOf(span.File.Text)) : Compact(value));
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
        var member = Compact(new JValue(name)) + (multiline ? ": " : ":") + (multiline ? Pretty(value, indent + "  ", lineBreak) : Compact(value));
        var insertion = multiline ? lineBreak + indent + "  " + member + (hasMembers ? "," : lineBreak + indent) : member + (hasMembers ? "," : string.Empty);
        return new TextEdit(new SourceRange(span.File, afterBrace, afterBrace), insertion);
    }

    public static string Compact(JToken value) => value.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The file's line break: CRLF when its first line ends with one, else LF.</summary>
    private static string LineBreakOf(string text)
    {
        var newline = text.IndexOf('\n');
        return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>Two-space indented JSON whose continuation lines start at <paramref name="indent"/>, separated by <paramref name="lineBreak"/>.</summary>
    private static string Pretty(JToken value, string indent, string lineBreak)
    {
        if (value is not JContainer { Count: > 0 })
        {
            return Compact(value);
        }

        var lines = value.ToString(Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            sb.Append(lineBreak).Append(indent).Append(line);
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
