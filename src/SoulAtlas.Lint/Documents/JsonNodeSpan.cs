using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

/// <summary>
/// Where a JSON (or YAML) value stands in its file, attached to the value's <see cref="JToken"/>
/// as an annotation: the value itself, and the key that names it inside an object.
/// </summary>
public sealed class JsonNodeSpan
{
    public JsonNodeSpan(SourceFile file, int start, int end)
    {
        File = file;
        Start = start;
        End = end;
        KeyStart = -1;
        KeyEnd = -1;
    }

    public SourceFile File { get; }

    public int Start { get; }

    public int End { get; internal set; }

    public int KeyStart { get; internal set; }

    public int KeyEnd { get; internal set; }

    public SourceRange Value => new(File, Start, End);

    /// <summary>The key that names the value, or the value itself for array items and the root.</summary>
    public SourceRange KeyOrValue => KeyStart >= 0 ? new SourceRange(File, KeyStart, KeyEnd) : Value;
}

public static class JsonLocations
{
    public static JsonNodeSpan? SpanOf(JToken? token) => token?.Annotation<JsonNodeSpan>();

    /// <summary>The range of a value, falling back to its nearest located ancestor.</summary>
    public static SourceRange? RangeOf(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            var span = SpanOf(t);
            if (span is not null)
            {
                return span.Value;
            }
        }

        return null;
    }

    /// <summary>The range of the key that names a value (or the value, for array items).</summary>
    public static SourceRange? KeyRangeOf(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            var span = SpanOf(t);
            if (span is not null)
            {
                return span.KeyOrValue;
            }
        }

        return null;
    }
}
