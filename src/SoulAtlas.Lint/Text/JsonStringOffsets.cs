namespace SoulAtlas.Lint.Text;

/// <summary>
/// Maps an offset in the decoded value of a JSON string literal back to the file. A record's
/// section markdown is such a value, and every escape (<c>\n</c>, <c>\"</c>, <c>\\</c>, <c>\/</c>,
/// <c>\uXXXX</c>, a surrogate pair as two <c>\u</c> escapes) is shorter or longer in the file than
/// in the value, so the mapping walks the literal's raw text.
/// </summary>
public static class JsonStringOffsets
{
    /// <summary>
    /// The file offset of the character at <paramref name="valueOffset"/> of the string whose
    /// literal (opening quote included) starts at <paramref name="literalStart"/>. An offset at or
    /// past the end of the value maps to the closing quote.
    /// </summary>
    public static int ToFileOffset(string fileText, int literalStart, int valueOffset)
    {
        var raw = literalStart + 1;
        var decoded = 0;
        while (raw < fileText.Length && decoded < valueOffset)
        {
            var c = fileText[raw];
            if (c == '"')
            {
                return raw;
            }

            raw += c == '\\' ? EscapeLength(fileText, raw) : 1;
            decoded++;
        }

        return raw < fileText.Length ? raw : fileText.Length;
    }

    /// <summary>A range of the decoded value as a range of the file.</summary>
    public static SourceRange ToFileRange(SourceFile file, int literalStart, int valueStart, int valueEnd)
    {
        var start = ToFileOffset(file.Text, literalStart, valueStart);
        var end = valueEnd <= valueStart ? start : ToFileOffset(file.Text, literalStart, valueEnd);
        return new SourceRange(file, start, end);
    }

    /// <summary>Raw characters of the escape at <paramref name="backslash"/>, each producing one UTF-16 unit of the value.</summary>
    private static int EscapeLength(string text, int backslash) =>
        backslash + 1 < text.Length && text[backslash + 1] == 'u' ? 6 : 2;
}
