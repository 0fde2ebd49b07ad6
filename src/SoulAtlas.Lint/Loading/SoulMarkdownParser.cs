using System.Collections.Generic;
using System.Text.RegularExpressions;
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
/// Splits SOUL.md line by line exactly as the site's generator does (§2): the first line matching
/// <c>^#\s+(.+?)\s*$</c> is the title; every line matching <c>^##\s+(.+?)\s*$</c> starts a section,
/// even inside a code fence; a section's markdown is its lines joined with <c>\n</c> and trimmed.
/// YAML front matter is skipped. Because lines are split on <c>\n</c> only, a section's markdown is
/// exactly a substring of the file, so an offset in the markdown maps to an offset in the file.
/// </summary>
public static partial class SoulMarkdownParser
{
    private const string TitleLinePattern = @"^#\s+(.+?)\s*$";
#if NET
    private static readonly Regex TitleLine = TitleLineRegex();

    [GeneratedRegex(TitleLinePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TitleLineRegex();
#else
    private static readonly Regex TitleLine = new(TitleLinePattern, RegexOptions.CultureInvariant);
#endif

    private const string SectionLinePattern = @"^##\s+(.+?)\s*$";
#if NET
    private static readonly Regex SectionLine = SectionLineRegex();

    [GeneratedRegex(SectionLinePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SectionLineRegex();
#else
    private static readonly Regex SectionLine = new(SectionLinePattern, RegexOptions.CultureInvariant);
#endif

    public static SoulMarkdown Parse(SourceFile file)
    {
        var text = file.Text;
        var lines = SplitLines(text);
        var index = SkipFrontMatter(text, lines);

        string? title = null;
        SourceRange? titleRange = null;
        var sections = new List<Section>();
        string? heading = null;
        var headingRange = default(SourceRange);
        var bodyStart = -1;
        var bodyEnd = -1;

        void Close()
        {
            if (heading is null)
            {
                return;
            }

            var start = bodyStart;
            var end = bodyEnd < 0 ? bodyStart : bodyEnd;
            while (start < end && IsJsWhitespace(text[start]))
            {
                start++;
            }

            while (end > start && IsJsWhitespace(text[end - 1]))
            {
                end--;
            }

            sections.Add(new Section(sections.Count, heading, headingRange, text.Substring(start, end - start), new SourceRange(file, start, end), null));
        }

        for (; index < lines.Count; index++)
        {
            var (lineStart, lineEnd) = lines[index];
            var line = text.Substring(lineStart, lineEnd - lineStart);
            if (title is null && line.Length > 1 && line[0] == '#')
            {
                var m = TitleLine.Match(line);
                if (m.Success)
                {
                    title = m.Groups[1].Value;
                    titleRange = new SourceRange(file, lineStart + m.Groups[1].Index, lineStart + m.Groups[1].Index + m.Groups[1].Length);
                    continue;
                }
            }

            if (line.Length > 2 && line[0] == '#' && line[1] == '#')
            {
                var m = SectionLine.Match(line);
                if (m.Success)
                {
                    Close();
                    heading = m.Groups[1].Value;
                    headingRange = new SourceRange(file, lineStart + m.Groups[1].Index, lineStart + m.Groups[1].Index + m.Groups[1].Length);
                    bodyStart = lineEnd < text.Length ? lineEnd + 1 : lineEnd;
                    bodyEnd = -1;
                    continue;
                }
            }

            if (heading is not null)
            {
                bodyEnd = lineEnd;
            }
        }

        Close();
        return new SoulMarkdown(title, titleRange, sections);
    }

    /// <summary>Line spans split on '\n' only (a '\r' stays part of its line, as with JavaScript's split).</summary>
    private static List<(int Start, int End)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
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

    private static int SkipFrontMatter(string text, List<(int Start, int End)> lines)
    {
        if (lines.Count == 0 || text.Substring(lines[0].Start, lines[0].End - lines[0].Start).TrimEnd() != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Count; i++)
        {
            var line = text.Substring(lines[i].Start, lines[i].End - lines[i].Start).TrimEnd();
            if (line == "---" || line == "...")
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>JavaScript's String.prototype.trim also strips U+FEFF, which .NET does not count as white space.</summary>
    private static bool IsJsWhitespace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
