using System;
using System.Collections.Generic;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// The decoded text of one file on disk together with its line map. All offsets
/// inside the engine are 0-based UTF-16 offsets into <see cref="Text"/>; the
/// conversion to 1-based line and column happens only in <see cref="GetPosition"/>.
/// </summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;
    private string? _text;
    private Func<string>? _decode;

    public SourceFile(string fullPath, string displayPath, string text)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        _text = text;
    }

    /// <summary>
    /// A file whose text is decoded only when something needs it (a diagnostic's line and column,
    /// a code frame). A valid record is parsed straight from its bytes and never decoded.
    /// </summary>
    public SourceFile(string fullPath, string displayPath, Func<string> decode)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        _decode = decode;
    }

    /// <summary>
    /// Whether <see cref="Text"/> is the decoded content of the document at <see cref="FullPath"/>
    /// (rather than a stand-in), so that it can be decoded again from the same bytes.
    /// </summary>
    internal bool IsDocumentText { get; init; }

    /// <summary>Absolute path on disk.</summary>
    public string FullPath { get; }

    /// <summary>Path shown to the user: relative to the working directory, with '/' separators.</summary>
    public string DisplayPath { get; }

    /// <summary>Whether the file's bytes start with a UTF-8 byte-order mark, which <see cref="Text"/> leaves out.</summary>
    public bool HasByteOrderMark { get; init; }

    public string Text
    {
        get
        {
            if (_text is null)
            {
                lock (this)
                {
                    if (_text is null)
                    {
                        _text = _decode!();
                        _decode = null;
                    }
                }
            }

            return _text;
        }
    }

    public LinePosition GetPosition(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > Text.Length)
        {
            offset = Text.Length;
        }

        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - starts[line] + 1);
    }

    /// <summary>The text of the 1-based line <paramref name="line"/>, without its terminator.</summary>
    public string GetLineText(int line)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        if (line < 1 || line > starts.Length)
        {
            return string.Empty;
        }

        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text.Substring(start, end - start);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}

/// <summary>A 1-based line and column (UTF-16 code units), as editors and CI systems count them.</summary>
public readonly record struct LinePosition(int Line, int Column);

/// <summary>A half-open range of 0-based offsets in one <see cref="SourceFile"/>.</summary>
public readonly record struct SourceRange(SourceFile File, int Start, int End)
{
    public static SourceRange At(SourceFile file, int offset) => new(file, offset, offset);

    public static SourceRange WholeFile(SourceFile file) => new(file, 0, 0);
}
