using System;
using System.Collections.Generic;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

/// <summary>
/// Section bodies read the way the content site's renderer (GFM, as the <c>marked</c> library
/// renders it) reads them, as closely as Markdig allows: pipe tables, <c>~~strikethrough~~</c>,
/// autolinks and GitHub heading ids. Task lists and superscript stay off because <c>marked</c> has
/// neither; single-tilde strikethrough, which <c>marked</c> has and Markdig does not, is emulated by
/// the render-hazard rule. The pipelines are immutable, built once and shared by every thread.
/// </summary>
public static class BodyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Build(autoLinks: true);

    /// <summary>
    /// The same without the autolink parser, which stops at every h, f, m and w that follows a
    /// space to try a link (four tenths of the parse time of prose) and can only succeed where
    /// <see cref="MayHoldAutoLink"/> is true; elsewhere both pipelines build the same tree.
    /// </summary>
    private static readonly MarkdownPipeline PipelineWithoutAutoLinks = Build(autoLinks: false);

    private static MarkdownPipeline Build(bool autoLinks)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough);
        if (autoLinks)
        {
            builder.UseAutoLinks();
        }

        return builder
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePreciseSourceLocation()
            .Build();
    }

    /// <summary>Parses a section body; node spans are offsets in <paramref name="markdown"/> (Markdig ends are inclusive).</summary>
    public static MarkdownDocument Parse(string markdown) => Parse(markdown, MayHoldAutoLink(markdown));

    internal static MarkdownDocument Parse(string markdown, bool autoLinks) =>
        Markdown.Parse(markdown, autoLinks ? Pipeline : PipelineWithoutAutoLinks);

    /// <summary>
    /// Markdig's autolinks begin with <c>http://</c>, <c>https://</c>, <c>ftp://</c>, <c>mailto:</c>
    /// or <c>www.</c>, in any letter case. Found from each ':' and '.', because a case-insensitive
    /// substring search is not vectorised in invariant-globalization mode (it measured a tenth of a
    /// run). A capital dotted İ, which lower-cases to i, is taken as a possible "mailto".
    /// </summary>
    internal static bool MayHoldAutoLink(string markdown)
    {
        for (var i = markdown.IndexOf(':'); i >= 0; i = markdown.IndexOf(':', i + 1))
        {
            if ((i + 2 < markdown.Length && markdown[i + 1] == '/' && markdown[i + 2] == '/') || Ascii.LettersAt(markdown, i - 6, "mailto"))
            {
                return true;
            }
        }

        for (var i = markdown.IndexOf('.'); i >= 0; i = markdown.IndexOf('.', i + 1))
        {
            if (Ascii.LettersAt(markdown, i - 3, "www"))
            {
                return true;
            }
        }

        return markdown.IndexOf('\u0130') >= 0;
    }

    /// <summary>GFM as far as marked renders it beyond the shared pipelines: task-list checkboxes too.</summary>
    private static readonly MarkdownPipeline SitePipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>
    /// A section body rendered as close to marked as Markdig gets: task items get their checkbox,
    /// and a table row is split into cells at every unescaped pipe before a code span can hold one
    /// (GFM's order, which marked follows), so a backtick left without its partner in the cell is
    /// literal text.
    /// </summary>
    public static string RenderHeading(string heading) => Markdown.ToHtml("## " + heading, Pipeline);

    public static string RenderBodyAsSite(string markdown, MarkdownDocument parsed)
    {
        // The fence is last, after every table, so escaping it leaves the tables' offsets as parsed.
        var source = SplitTableCellsFirst(FenceAtTheEndAsParagraphText(markdown, parsed), parsed);
        return Markdown.ToHtml(TabAfterListMarkerAsMarkedReadsIt(source), SitePipeline);
    }

    /// <summary>
    /// marked lets a fence interrupt a paragraph only when a newline follows it, so a bare opening
    /// fence on the last line of a section (whose markdown is trimmed) right under paragraph text
    /// is more of that paragraph; Markdig makes it an empty code block. It is escaped to read as text.
    /// </summary>
    private static string FenceAtTheEndAsParagraphText(string markdown, MarkdownDocument parsed)
    {
        if (parsed.Count < 2 || parsed[parsed.Count - 1] is not FencedCodeBlock fence || fence.Lines.Count != 0 || parsed[parsed.Count - 2] is not ParagraphBlock paragraph)
        {
            return markdown;
        }

        if (fence.Span.Start <= paragraph.Span.End || fence.Span.Start >= markdown.Length)
        {
            return markdown;
        }

        // Directly under the paragraph: one line break between them, no blank line.
        var between = markdown.Substring(paragraph.Span.End + 1, fence.Span.Start - paragraph.Span.End - 1);
        if (between.Split('\n').Length != 2 || between.Trim().Length != 0)
        {
            return markdown;
        }

        var at = fence.Span.Start;
        while (at < markdown.Length && markdown[at] == ' ')
        {
            at++;
        }

        return at < markdown.Length && markdown[at] is '`' or '~' ? markdown.Insert(at, "\\") : markdown;
    }

    /// <summary>
    /// marked measures a list item's content indent up to the first non-space, so a tab after the
    /// marker's spaces (<c>- \tfoo</c>) starts the content and reads as an indented code block; in
    /// CommonMark it is part of the marker's spacing. The tab becomes four spaces, which reads the
    /// same in Markdig as in marked.
    /// </summary>
    private static string TabAfterListMarkerAsMarkedReadsIt(string markdown) =>
        markdown.IndexOf('\t') < 0 ? markdown : ListMarkerTab.Replace(markdown, "$1    ");

    private static readonly System.Text.RegularExpressions.Regex ListMarkerTab = new(
        @"(?m)^([ \t]*(?:[-+*]|[0-9]{1,9}[.)]) {1,3})\t",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string SplitTableCellsFirst(string markdown, MarkdownDocument parsed)
    {
        System.Text.StringBuilder? sb = null;
        var copied = 0;
        foreach (var table in parsed.Descendants<Markdig.Extensions.Tables.Table>())
        {
            var start = table.Span.Start;
            var end = Math.Min(markdown.Length, table.Span.End + 1);
            if (table.Parent is not MarkdownDocument || start < copied || start >= end)
            {
                continue;
            }

            sb ??= new System.Text.StringBuilder(markdown.Length + 16);
            sb.Append(markdown, copied, start - copied);
            sb.Append(AsMarkedSplitsIt(markdown.Substring(start, end - start)));
            copied = end;
        }

        if (sb is null)
        {
            return markdown;
        }

        sb.Append(markdown, copied, markdown.Length - copied);
        return sb.ToString();
    }

    /// <summary>
    /// A table's lines with each row split into cells as marked splits them (at pipes not escaped
    /// by an odd number of backslashes, an outer pipe at either end dropped), a run of backticks
    /// with no equal run after it in its cell escaped, and a body row cut to the header's number
    /// of cells (marked drops the rest; Markdig would widen the table).
    /// </summary>
    private static string AsMarkedSplitsIt(string lines)
    {
        var rows = lines.Split('\n');
        var sb = new System.Text.StringBuilder(lines.Length + 8);
        var columns = -1;
        for (var r = 0; r < rows.Length; r++)
        {
            if (r > 0)
            {
                sb.Append('\n');
            }

            var row = rows[r];
            var cells = new List<string>();
            var cellStart = 0;
            for (var i = 0; i <= row.Length; i++)
            {
                if (i == row.Length || (row[i] == '|' && !EscapedAt(row, i)))
                {
                    cells.Add(row.Substring(cellStart, i - cellStart));
                    cellStart = i + 1;
                }
            }

            if (cells.Count > 1 && cells[0].Trim().Length == 0)
            {
                cells.RemoveAt(0);
            }

            if (cells.Count > 1 && cells[^1].Trim().Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (columns < 0)
            {
                columns = cells.Count;
            }
            else if (r > 1 && cells.Count > columns)
            {
                cells.RemoveRange(columns, cells.Count - columns);
            }

            sb.Append('|');
            foreach (var cell in cells)
            {
                AppendCell(cell, 0, cell.Length, sb);
                sb.Append('|');
            }
        }

        return sb.ToString();
    }

    private static bool EscapedAt(string text, int index)
    {
        var escaped = false;
        for (var j = index - 1; j >= 0 && text[j] == '\\'; j--)
        {
            escaped = !escaped;
        }

        return escaped;
    }

    private static void AppendCell(string text, int start, int end, System.Text.StringBuilder sb)
    {
        var i = start;
        while (i < end)
        {
            if (text[i] != '`' || EscapedAt(text, i))
            {
                sb.Append(text[i]);
                i++;
                continue;
            }

            var run = i;
            while (i < end && text[i] == '`')
            {
                i++;
            }

            var length = i - run;
            var close = FindRun(text, i, end, length);
            if (close < 0)
            {
                for (var k = 0; k < length; k++)
                {
                    sb.Append("\\`");
                }

                continue;
            }

            sb.Append(text, run, close + length - run);
            i = close + length;
        }
    }

    private static int FindRun(string text, int from, int end, int length)
    {
        var i = from;
        while (i < end)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var run = i;
            while (i < end && text[i] == '`')
            {
                i++;
            }

            if (i - run == length)
            {
                return run;
            }
        }

        return -1;
    }

    /// <summary>A section as the site renders it: its <c>## heading</c>, then its already parsed body.</summary>
    public static string RenderSection(string heading, MarkdownDocument body) =>
        Markdown.ToHtml("## " + heading, Pipeline) + body.ToHtml(Pipeline);
}
