using System;
using System.Collections.Generic;
using System.Text;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Loading;

/// <summary>SOUL.md split as the content site splits it: the title and the H2 sections, with their locations.</summary>
public sealed class SoulMarkdown
{
    public SoulMarkdown(string? title, SourceRange? titleRange, IReadOnlyList<Section> sections)
    {
        Title = title;
        TitleRange = titleRange;
        Sections = sections;
    }

    public string? Title { get; }

    public SourceRange? TitleRange { get; }

    public IReadOnlyList<Section> Sections { get; }
}

/// <summary>
/// Splits SOUL.md line by line exactly as the site's generator does (§2, docs/parity.md): the body
/// is what gray-matter leaves (a leading BOM and front matter removed); lines are split on
/// <c>\n</c> only; the first line matching <c>^#\s+(.+?)\s*$</c> whose text is not empty after
/// JavaScript's <c>trim()</c> is the title, and every such line up to it is dropped wherever it
/// stands, even inside a section; every line matching <c>^##\s+(.+?)\s*$</c> starts a section,
/// even inside a code fence; a section's markdown is its lines joined with <c>\n</c> and trimmed.
/// The patterns are read with JavaScript's classes: <c>\s</c> includes U+FEFF and <c>.</c> does not
/// match '\r', U+2028 or U+2029. A section's markdown is a substring of the file unless a title
/// line was dropped from it; <see cref="Section.Pieces"/> then maps it back.
/// </summary>
public static class SoulMarkdownParser
{
    public static SoulMarkdown Parse(SourceFile file)
    {
        var text = file.Text;
        var lines = SplitLines(text, ContentStart(text));

        string? title = null;
        SourceRange? titleRange = null;
        var sections = new List<Section>();
        string? heading = null;
        var headingRange = default(SourceRange);
        var body = new List<(int Start, int End)>();

        void Close()
        {
            if (heading is null)
            {
                return;
            }

            sections.Add(BuildSection(file, sections.Count, heading, headingRange, body));
            body.Clear();
        }

        foreach (var (lineStart, lineEnd) in lines)
        {
            if (string.IsNullOrEmpty(title) && Match(text, lineStart, lineEnd, 1) is { } h1)
            {
                var (ts, te) = JsString.TrimRange(text, h1.Start, h1.End);
                title = text.Substring(ts, te - ts);
                titleRange = new SourceRange(file, ts, te);
                continue;
            }

            if (Match(text, lineStart, lineEnd, 2) is { } h2)
            {
                Close();
                var (hs, he) = JsString.TrimRange(text, h2.Start, h2.End);
                heading = text.Substring(hs, he - hs);
                headingRange = new SourceRange(file, hs, he);
                continue;
            }

            if (heading is not null)
            {
                body.Add((lineStart, lineEnd));
            }
        }

        Close();
        return new SoulMarkdown(string.IsNullOrEmpty(title) ? null : title, string.IsNullOrEmpty(title) ? null : titleRange, sections);
    }

    /// <summary>
    /// <c>^#{level}\s+(.+?)\s*$</c> on one line, with JavaScript's classes: the span of the capture,
    /// or null. After the hashes comes white space; the capture runs from the first character after
    /// it to the last one that is not white space and may not hold a line terminator; a line of
    /// hashes and white space only matches when some white space character past the first is not
    /// a line terminator (the capture is then that one character, empty once trimmed).
    /// </summary>
    internal static (int Start, int End)? Match(string text, int start, int end, int level)
    {
        if (end - start < level + 2)
        {
            return null;
        }

        for (var i = 0; i < level; i++)
        {
            if (text[start + i] != '#')
            {
                return null;
            }
        }

        var afterHashes = start + level;
        if (!JsString.IsWhiteSpace(text[afterHashes]))
        {
            return null;
        }

        var contentStart = afterHashes;
        while (contentStart < end && JsString.IsWhiteSpace(text[contentStart]))
        {
            contentStart++;
        }

        if (contentStart == end)
        {
            for (var p = end - 1; p > afterHashes; p--)
            {
                if (!JsString.IsLineTerminator(text[p]))
                {
                    return (p, p + 1);
                }
            }

            return null;
        }

        var contentEnd = end;
        while (JsString.IsWhiteSpace(text[contentEnd - 1]))
        {
            contentEnd--;
        }

        for (var p = contentStart; p < contentEnd; p++)
        {
            if (JsString.IsLineTerminator(text[p]))
            {
                return null;
            }
        }

        return (contentStart, contentEnd);
    }

    private static Section BuildSection(SourceFile file, int index, string heading, SourceRange headingRange, List<(int Start, int End)> body)
    {
        var text = file.Text;
        if (body.Count == 0)
        {
            var at = headingRange.End;
            return new Section(index, heading, headingRange, string.Empty, new SourceRange(file, at, at), null);
        }

        // Runs of lines that are adjacent in the file are one substring; a dropped title line splits them.
        var runs = new List<(int Start, int End)>();
        foreach (var line in body)
        {
            if (runs.Count > 0 && runs[^1].End + 1 == line.Start)
            {
                runs[^1] = (runs[^1].Start, line.End);
            }
            else
            {
                runs.Add(line);
            }
        }

        if (runs.Count == 1)
        {
            var (start, end) = JsString.TrimRange(text, runs[0].Start, runs[0].End);
            return new Section(index, heading, headingRange, text.Substring(start, end - start), new SourceRange(file, start, end), null);
        }

        var sb = new StringBuilder();
        var pieces = new List<(int Markdown, int File)>();
        foreach (var (start, end) in runs)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            pieces.Add((sb.Length, start));
            sb.Append(text, start, end - start);
        }

        var joined = sb.ToString();
        var (ms, me) = JsString.TrimRange(joined, 0, joined.Length);
        var shifted = new List<(int Markdown, int File)>();
        foreach (var (m, f) in pieces)
        {
            var from = m - ms;
            if (from <= 0)
            {
                // The trimmed text starts inside this piece.
                shifted.Clear();
                shifted.Add((0, f - from));
            }
            else if (from <= me - ms)
            {
                shifted.Add((from, f));
            }
        }

        var fileStart = shifted[0].File;
        var last = shifted[^1];
        var fileEnd = last.File + (me - ms - last.Markdown);
        return new Section(index, heading, headingRange, joined.Substring(ms, me - ms), new SourceRange(file, fileStart, Math.Max(fileStart, fileEnd)), null)
        {
            Pieces = shifted,
        };
    }

    /// <summary>
    /// Where gray-matter's content starts: after front matter that opens
    /// with <c>---</c> (not <c>----</c>) and closes at the next <c>\n---</c>, with one '\r' and one
    /// '\n' after it; an unclosed front matter leaves no content.
    /// </summary>
    internal static int ContentStart(string text)
    {
        // gray-matter strips one byte-order mark; reading the file as text already has (TextDecoder),
        // so a U+FEFF still at the start is a second one, which gray-matter keeps.
        const int offset = 0;
        if (string.CompareOrdinal(text, offset, "---", 0, 3) != 0 || (text.Length > offset + 3 && text[offset + 3] == '-'))
        {
            return offset;
        }

        var str = offset + 3;
        var newline = text.IndexOf('\n', str);
        var languageEnd = newline < 0 ? Math.Max(str, text.Length - 1) : newline > str && text[newline - 1] == '\r' ? newline - 1 : newline;
        var language = text.Substring(str, languageEnd - str);
        if (JsString.Trim(language).Length > 0)
        {
            str = languageEnd;
        }

        var close = text.IndexOf("\n---", str, StringComparison.Ordinal);
        if (close < 0)
        {
            return text.Length;
        }

        var content = close + 4;
        if (content < text.Length && text[content] == '\r')
        {
            content++;
        }

        if (content < text.Length && text[content] == '\n')
        {
            content++;
        }

        return content;
    }

    /// <summary>Line spans from <paramref name="from"/>, split on '\n' only (a '\r' stays part of its line, as with JavaScript's split).</summary>
    private static List<(int Start, int End)> SplitLines(string text, int from)
    {
        var lines = new List<(int, int)>();
        var start = from;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add((start, i));
                start = i + 1;
            }
        }

        lines.Add((start, text.Length));
        return lines;
    }
}
