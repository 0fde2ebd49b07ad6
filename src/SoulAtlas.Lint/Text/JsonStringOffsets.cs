using System;
using System.Collections.Generic;

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
        var decoded = 0;
        return Walk(fileText, literalStart + 1, ref decoded, valueOffset);
    }

    /// <summary>A range of the decoded value as a range of the file.</summary>
    public static SourceRange ToFileRange(SourceFile file, int literalStart, int valueStart, int valueEnd)
    {
        var start = ToFileOffset(file.Text, literalStart, valueStart);
        var end = valueEnd <= valueStart ? start : ToFileOffset(file.Text, literalStart, valueEnd);
        return new SourceRange(file, start, end);
    }

    /// <summary>
    /// A map of one literal for many look-ups: each costs a short walk from the nearest checkpoint
    /// instead of a walk from the opening quote, so reporting every character of a long value is
    /// linear in its length, not quadratic.
    /// </summary>
    public static JsonStringMap MapOf(SourceFile file, int literalStart) => new(file, literalStart);

    /// <summary>
    /// Walks from <paramref name="raw"/> (the file offset of value character <paramref name="decoded"/>)
    /// to value offset <paramref name="valueOffset"/>, or to the closing quote; <paramref name="decoded"/>
    /// tells how far it got.
    /// </summary>
    internal static int Walk(string fileText, int raw, ref int decoded, int valueOffset)
    {
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

    /// <summary>Raw characters of the escape at <paramref name="backslash"/>, each producing one UTF-16 unit of the value.</summary>
    internal static int EscapeLength(string text, int backslash) =>
        backslash + 1 < text.Length && text[backslash + 1] == 'u' ? 6 : 2;
}

/// <summary>Offsets of one JSON string literal's value mapped to the file, with a checkpoint every <see cref="Stride"/> characters.</summary>
public sealed class JsonStringMap
{
    private const int Stride = 64;
    private readonly SourceFile _file;
    private readonly List<int> _checkpoints = new();
    private bool _complete;

    internal JsonStringMap(SourceFile file, int literalStart)
    {
        _file = file;
        _checkpoints.Add(literalStart + 1);
    }

    public int ToFileOffset(int valueOffset)
    {
        var text = _file.Text;
        valueOffset = Math.Max(0, valueOffset);
        var index = valueOffset / Stride;

        // Checkpoints are laid down on demand, each from the one before it, up to the value's end.
        while (_checkpoints.Count <= index && !_complete)
        {
            var decoded = (_checkpoints.Count - 1) * Stride;
            var next = JsonStringOffsets.Walk(text, _checkpoints[_checkpoints.Count - 1], ref decoded, decoded + Stride);
            if (decoded < _checkpoints.Count * Stride)
            {
                _complete = true;
                break;
            }

            _checkpoints.Add(next);
        }

        index = Math.Min(index, _checkpoints.Count - 1);
        var at = index * Stride;
        return JsonStringOffsets.Walk(text, _checkpoints[index], ref at, valueOffset);
    }

    public SourceRange ToFileRange(int valueStart, int valueEnd)
    {
        var start = ToFileOffset(valueStart);
        var end = valueEnd <= valueStart ? start : ToFileOffset(valueEnd);
        return new SourceRange(_file, start, end);
    }
}
