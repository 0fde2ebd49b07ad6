using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

/// <summary>Why a section body was not parsed: where (an offset in its markdown) and what to do about it.</summary>
public sealed record BodyMarkdownProblem(int Offset, string Message);

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

    /// <summary>
    /// Work (in characters Markdig may step over) that a section may cost beyond a linear parse:
    /// a fixed allowance, plus this much per character of the section.
    /// </summary>
    internal const long FixedWorkAllowance = 2_000_000;

    internal const long WorkPerCharacter = 512;

    /// <summary>Markdig's emphasis pass costs about this many character steps per pair of delimiter runs (measured).</summary>
    internal const long DelimiterPairCost = 8;

    private static MarkdownPipeline Build(bool autoLinks)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough);
        if (autoLinks)
        {
            builder.UseAutoLinks();
        }

        builder.Extensions.AddIfNotAlready<GitHubHeadingIds>();
        builder.Extensions.AddIfNotAlready<HostsAsWritten>();
        return builder
            .UsePreciseSourceLocation()
            .Build();
    }

    /// <summary>Parses a section body; node spans are offsets in <paramref name="markdown"/> (Markdig ends are inclusive).</summary>
    /// <exception cref="ArgumentException">Markdig's nesting limit was exceeded (see <see cref="TryParse"/>).</exception>
    public static MarkdownDocument Parse(string markdown) => Parse(markdown, MayHoldAutoLink(markdown));

    internal static MarkdownDocument Parse(string markdown, bool autoLinks) =>
        Markdown.Parse(markdown, autoLinks ? Pipeline : PipelineWithoutAutoLinks);

    /// <summary>
    /// Parses a section body unless it is too costly or too deeply nested to parse: then the
    /// document is empty and <paramref name="problem"/> says where and why. Markdig steps over the
    /// rest of a paragraph for every unclosed link destination and title, and over every earlier
    /// inline of a paragraph for every word that may begin an autolink, so a paragraph built of
    /// thousands of those costs time quadratic in its length; the cost is estimated in one linear
    /// pass first, and a body over the budget is not handed to Markdig at all.
    /// </summary>
    public static MarkdownDocument TryParse(string markdown, out BodyMarkdownProblem? problem)
    {
        problem = null;
        var autoLinks = MayHoldAutoLink(markdown);
        var (work, costliest) = EstimateWork(markdown, autoLinks);
        if (work > FixedWorkAllowance + (WorkPerCharacter * markdown.Length))
        {
            problem = new BodyMarkdownProblem(
                costliest,
                "this paragraph is too costly to check: it packs thousands of link openers, link titles, emphasis delimiters or autolink-like words into one paragraph; "
                + "the Markdown checks skipped this section; split the paragraph with blank lines or remove the repetition");
            return new MarkdownDocument();
        }

        try
        {
            return Parse(markdown, autoLinks);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig refuses input nested past its depth limit (an argument exception); it names no place.
            problem = new BodyMarkdownProblem(
                FirstFailingParagraph(markdown, autoLinks),
                "Markdown here is nested more deeply than the renderer allows (brackets, emphasis, quotes or lists inside one another); "
                + "the Markdown checks skipped this section; flatten the nesting");
            return new MarkdownDocument();
        }
    }

    /// <summary>The start of the first blank-line separated paragraph that fails to parse on its own, or 0.</summary>
    private static int FirstFailingParagraph(string markdown, bool autoLinks)
    {
        foreach (var (start, end) in Paragraphs(markdown))
        {
            try
            {
                Parse(markdown.Substring(start, end - start), autoLinks);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                return start;
            }
        }

        return 0;
    }

    /// <summary>
    /// An upper estimate of the super-linear part of parsing <paramref name="markdown"/>, and the
    /// start of the paragraph that costs most. Per blank-line separated paragraph: every <c>](</c>
    /// and every line that opens with <c>[</c> (a reference definition) may scan the rest of the
    /// paragraph; every <c>]</c> may walk back over the open <c>[</c>s; with autolinks, every word
    /// that begins with h, f, m or w walks back over the inlines before it; and every run of
    /// emphasis delimiters that may open is matched against the runs before it (about
    /// <see cref="DelimiterPairCost"/> characters' worth of work per pair).
    /// </summary>
    internal static (long Work, int Costliest) EstimateWork(string markdown, bool autoLinks)
    {
        long total = 0;
        long most = -1;
        var costliest = 0;
        var text = markdown.AsSpan();
        var paragraph = 0;
        while (NextParagraph(text, ref paragraph) is var (start, end) && end >= 0)
        {
            long scanners = 0, opens = 0, closes = 0, inlines = 0, words = 0, delimiters = 0;

            // Only the characters below cost anything, and prose is mostly letters and spaces:
            // the search jumps from one to the next (vectorised), instead of looking at each.
            for (var i = start; i < end; i++)
            {
                var next = IndexOfCostly(text.Slice(i, end - i), autoLinks);
                if (next < 0)
                {
                    break;
                }

                i += next;
                var c = markdown[i];
                switch (c)
                {
                    case '[':
                        opens++;
                        inlines++;
                        if (OpensLine(markdown, start, i))
                        {
                            scanners++;
                        }

                        break;
                    case ']':
                        closes++;
                        inlines++;
                        if (i + 1 < end && markdown[i + 1] == '(')
                        {
                            scanners++;
                        }

                        break;
                    case '*' or '~' or '_':
                        inlines++;

                        // The start of a run that may open emphasis (an intraword '_' cannot).
                        if ((i == start || markdown[i - 1] != c) && (c != '_' || i == start || !Ascii.IsLetterOrDigit(markdown[i - 1])))
                        {
                            delimiters++;
                        }

                        break;
                    case '`' or '<' or '!' or '&' or '\\':
                        inlines++;
                        break;
                    default: // h, f, m or w, in either case
                        if (i == start || !Ascii.IsLetterOrDigit(markdown[i - 1]))
                        {
                            words++;
                            inlines++;
                        }

                        break;
                }
            }

            var work = (scanners * (end - start)) + (opens * closes) + (words * inlines) + (delimiters * delimiters * DelimiterPairCost);
            total += work;
            if (work > most)
            {
                most = work;
                costliest = start;
            }
        }

        return (total, costliest);
    }

    /// <summary>The characters <see cref="EstimateWork"/> counts; with autolinks also the letters that may begin one.</summary>
    private const string CostlyCharacters = "[]*~_`<!&\\";

    private const string CostlyCharactersWithAutoLinks = CostlyCharacters + "hfmwHFMW";

#if NET
    private static readonly System.Buffers.SearchValues<char> CostlyCharacterSearch = System.Buffers.SearchValues.Create(CostlyCharacters);
    private static readonly System.Buffers.SearchValues<char> CostlyCharacterWithAutoLinksSearch = System.Buffers.SearchValues.Create(CostlyCharactersWithAutoLinks);

    private static int IndexOfCostly(ReadOnlySpan<char> text, bool autoLinks) =>
        text.IndexOfAny(autoLinks ? CostlyCharacterWithAutoLinksSearch : CostlyCharacterSearch);

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IndexOfAnyExcept(" \t\r") < 0;
#else
    private static int IndexOfCostly(ReadOnlySpan<char> text, bool autoLinks) =>
        text.IndexOfAny((autoLinks ? CostlyCharactersWithAutoLinks : CostlyCharacters).AsSpan());

    private static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
#endif

    /// <summary>Whether only spaces and tabs stand between the start of <paramref name="i"/>'s line (or of the paragraph) and it.</summary>
    private static bool OpensLine(string markdown, int paragraphStart, int i)
    {
        var j = i - 1;
        while (j >= paragraphStart && markdown[j] is ' ' or '\t')
        {
            j--;
        }

        return j < paragraphStart || markdown[j] == '\n';
    }

    /// <summary>Blank-line separated runs of lines, as [start, end) offsets.</summary>
    private static IEnumerable<(int Start, int End)> Paragraphs(string markdown)
    {
        var from = 0;
        while (NextParagraph(markdown.AsSpan(), ref from) is var (start, end) && end >= 0)
        {
            yield return (start, end);
        }
    }

    /// <summary>
    /// The next blank-line separated run of lines at or after <paramref name="from"/>, as [start, end)
    /// offsets, with <paramref name="from"/> moved past it; (-1, -1) when there is none. A line is
    /// blank when it holds only spaces, tabs and carriage returns.
    /// </summary>
    private static (int Start, int End) NextParagraph(ReadOnlySpan<char> text, ref int from)
    {
        var start = -1;
        var position = from;
        while (position < text.Length)
        {
            var lineEnd = text.Slice(position).IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : position + lineEnd;
            if (IsBlank(text.Slice(position, lineEnd - position)))
            {
                if (start >= 0)
                {
                    from = lineEnd + 1;
                    return (start, position);
                }
            }
            else if (start < 0)
            {
                start = position;
            }

            position = lineEnd + 1;
        }

        from = text.Length;
        return start >= 0 ? (start, text.Length) : (-1, -1);
    }

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
        .Use<GitHubHeadingIds>()
        .Use<HostsAsWritten>()
        .Build();

    /// <summary>A section's heading rendered as marked renders it, bare URLs ending where marked ends them.</summary>
    public static string RenderHeading(string heading) => Markdown.ToHtml("## " + MarkedUrls.AsLinks(heading), Pipeline);

    /// <summary>
    /// The rewrites that make Markdig read a section as marked reads it, in order: each returns the
    /// text itself when it has nothing to change, else a new text, which is parsed again for the next.
    /// </summary>
    private static readonly Func<string, MarkdownDocument, string>[] MarkedReadings =
    {
        TabbedMarkerUnderAParagraphIsText,
        HeadingWithALineSeparatorIsText,
        (markdown, _) => HeadingAfterAnyWhiteSpace(markdown),
        LeadingTabsInListsAsMarkedExpandsThem,
        TabInATableDelimiterRowIsText,
        ClosingFenceWithATabIsCode,
        (markdown, _) => CheckboxOnlyWhereMarkedSeesOne(markdown),
        DefinitionWithATrailingTabIsText,
        TabbedBlankLineContinuesAParagraph,
        QuotedListTakesTheRestAfterALazyLine,
        LazyLineAfterABlankEndsTheList,
        LazyEqualsLineUnderlinesInTheItem,
        QuoteRightUnderAListItemIsInTheItem,
    };

    /// <summary>
    /// A section body rendered as close to marked as Markdig gets: task items get their checkbox,
    /// and a table row is split into cells at every unescaped pipe before a code span can hold one
    /// (GFM's order, which marked follows), so a backtick left without its partner in the cell is
    /// literal text.
    /// </summary>
    public static string RenderBodyAsSite(string markdown, MarkdownDocument parsed)
    {
        foreach (var reading in MarkedReadings)
        {
            var text = reading(markdown, parsed);
            if (!ReferenceEquals(text, markdown))
            {
                // Rare; the later steps read offsets of the tree, so the changed text is parsed again.
                markdown = text;
                parsed = Parse(markdown);
            }
        }

        // The fence is last, after every table, so escaping it leaves the tables' offsets as parsed.
        var source = SplitTableCellsFirst(FenceAtTheEndAsParagraphText(markdown, parsed), parsed);
        return Markdown.ToHtml(TabAfterListMarkerAsMarkedReadsIt(source), SitePipeline);
    }

    /// <summary>
    /// marked starts a heading at '#'s followed by any white space JavaScript's <c>\s</c> knows
    /// (<c>###\u00A0Title</c>, a no-break space pasted from a word processor), and trims it off the
    /// text; CommonMark wants a space or a tab. That white space becomes a space.
    /// </summary>
    private static string HeadingAfterAnyWhiteSpace(string markdown) =>
        markdown.IndexOf('#') < 0 || markdown.AsSpan().IndexOfAny(UnicodeSpaces) < 0
            ? markdown
            : HeadingSpace.Replace(markdown, m => m.Groups[1].Value + " ");

    /// <summary>
    /// marked reads a heading's text with JavaScript's '.', which stops at U+2028 and U+2029 (line
    /// separators to JavaScript), and then wants the line to end: a '#' line holding either is
    /// paragraph text. Markdig reads a heading. Its first '#' is escaped.
    /// </summary>
    private static string HeadingWithALineSeparatorIsText(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('#') < 0 || markdown.IndexOfAny(LineSeparators) < 0)
        {
            return markdown;
        }

        List<int>? hashes = null;
        foreach (var heading in parsed.Descendants<HeadingBlock>())
        {
            var at = heading.Span.Start;
            if (heading.IsSetext || at < 0 || at >= markdown.Length || markdown[at] != '#')
            {
                continue;
            }

            var end = LineBreakAt(markdown, at);
            if (markdown.AsSpan(at, (end < 0 ? markdown.Length : end) - at).IndexOfAny(LineSeparators) >= 0)
            {
                (hashes ??= new List<int>()).Add(at);
            }
        }

        return WithBackslashesAt(markdown, hashes);
    }

    private static readonly char[] LineSeparators = { '\u2028', '\u2029' };

    private static readonly char[] UnicodeSpaces =
    {
        '\v', '\f', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
        '\u202F', '\u205F', '\u3000', '\uFEFF',
    };

    private static readonly System.Text.RegularExpressions.Regex HeadingSpace = new(
        @"(?m)^((?:[ ]{0,3}>[ ]?)*(?:[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])[ ]+)?[ ]{0,3}#{1,6})[\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF]",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// marked measures the lines that continue a list item with every tab as four spaces, wherever
    /// it stands (<c>"  \t- c"</c> is indented six), where CommonMark advances a tab to the next
    /// multiple of four (four); a nested item written so lands one level deeper in marked. A tab
    /// after a space in the indentation of a list's later lines becomes four spaces.
    /// </summary>
    private static string LeadingTabsInListsAsMarkedExpandsThem(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0)
        {
            return markdown;
        }

        List<int>? tabs = null;
        foreach (var block in parsed)
        {
            if (block is not ListBlock list || list.Span.Start < 0 || list.Span.End >= markdown.Length)
            {
                continue;
            }

            for (var line = markdown.IndexOf('\n', list.Span.Start); line >= 0 && line < list.Span.End; line = markdown.IndexOf('\n', line + 1))
            {
                var p = line + 1;
                var spaceBefore = false;
                while (p < markdown.Length && markdown[p] is ' ' or '\t')
                {
                    if (markdown[p] == ' ')
                    {
                        spaceBefore = true;
                    }
                    else if (spaceBefore)
                    {
                        // Only a tab after a space is measured differently.
                        (tabs ??= new List<int>()).Add(p);
                    }

                    p++;
                }
            }
        }

        if (tabs is null)
        {
            return markdown;
        }

        var sb = new System.Text.StringBuilder(markdown);
        for (var i = tabs.Count - 1; i >= 0; i--)
        {
            sb.Remove(tabs[i], 1).Insert(tabs[i], "    ");
        }

        return sb.ToString();
    }

    /// <summary>
    /// marked's table wants spaces only around the dashes of its delimiter row: with a tab in that
    /// row (a trailing one, say) the lines are a paragraph. The row's first '|' escaped keeps
    /// Markdig from reading a table too.
    /// </summary>
    private static string TabInATableDelimiterRowIsText(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0 || markdown.IndexOf('|') < 0)
        {
            return markdown;
        }

        List<int>? pipes = null;
        foreach (var table in parsed.Descendants<Markdig.Extensions.Tables.Table>())
        {
            var first = LineBreakAt(markdown, Math.Max(0, table.Span.Start));
            if (first < 0)
            {
                continue;
            }

            var start = AfterLineBreak(markdown, first);
            var end = LineBreakAt(markdown, start);
            var row = markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start);
            var pipe = row.IndexOf('|');
            if (row.IndexOf('\t') >= 0 && pipe >= 0)
            {
                (pipes ??= new List<int>()).Add(start + pipe);
            }
        }

        return WithBackslashesAt(markdown, pipes);
    }

    /// <summary>The text with a backslash before each of <paramref name="offsets"/> (ascending); the text itself when there are none.</summary>
    private static string WithBackslashesAt(string markdown, List<int>? offsets)
    {
        if (offsets is null || offsets.Count == 0)
        {
            return markdown;
        }

        var sb = new System.Text.StringBuilder(markdown, markdown.Length + offsets.Count);
        for (var i = offsets.Count - 1; i >= 0; i--)
        {
            sb.Insert(offsets[i], '\\');
        }

        return sb.ToString();
    }

    /// <summary>
    /// marked closes a fence only with a line of fence characters and spaces: a closing fence with a
    /// tab after it (<c>```\t</c>) is more of the code, which runs on to a fence that closes or to
    /// the end. Indented by four more spaces, the line is code to Markdig too.
    /// </summary>
    private static string ClosingFenceWithATabIsCode(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0)
        {
            return markdown;
        }

        for (var round = 0; round < 64; round++)
        {
            var at = -1;
            foreach (var fence in parsed.Descendants<FencedCodeBlock>())
            {
                if (fence.Span.End < 0 || fence.Span.End >= markdown.Length)
                {
                    continue;
                }

                // The block's last line, when it is the closing fence.
                var lineStart = fence.Span.End;
                while (lineStart > fence.Span.Start && markdown[lineStart - 1] is not ('\n' or '\r'))
                {
                    lineStart--;
                }

                var end = LineBreakAt(markdown, lineStart);
                var line = markdown.AsSpan(lineStart, (end < 0 ? markdown.Length : end) - lineStart);
                var body = line.TrimStart(' ');
                if (lineStart > fence.Span.Start && body.Length > 0 && body[0] == fence.FencedChar && body.TrimStart(fence.FencedChar).IndexOf('\t') >= 0
                    && IsBlank(body.TrimStart(fence.FencedChar)))
                {
                    at = lineStart;
                    break;
                }
            }

            if (at < 0)
            {
                return markdown;
            }

            markdown = markdown.Insert(at, "    ");
            parsed = Parse(markdown);
        }

        return markdown;
    }

    /// <summary>
    /// marked makes a checkbox of <c>[ ]</c>, <c>[x]</c> or <c>[X]</c> only at the start of a list
    /// item's text with a space after it; Markdig's task lists take one after a tab, and in some
    /// items further along the text too. An item whose marker a tab follows (<c>-\t[x] done</c>)
    /// starts, to marked, with that tab as three spaces of text, so it holds no checkbox either.
    /// Its '[' is escaped where marked reads text.
    /// </summary>
    private static string CheckboxOnlyWhereMarkedSeesOne(string markdown)
    {
        if (markdown.IndexOf("[x]", StringComparison.OrdinalIgnoreCase) < 0 && markdown.IndexOf("[ ]", StringComparison.Ordinal) < 0)
        {
            return markdown;
        }

        List<int>? opens = null;
        foreach (var box in Markdown.Parse(markdown, SitePipeline).Descendants<Markdig.Extensions.TaskLists.TaskList>())
        {
            var at = box.Span.Start;
            if (at < 0 || at + 3 > markdown.Length || markdown[at] != '[')
            {
                continue;
            }

            var paragraph = box.Parent?.ParentBlock;
            var item = paragraph?.Parent as ListItemBlock;
            var first = item is not null && item.Count > 0 && ReferenceEquals(item[0], paragraph);
            if (!first || paragraph!.Span.Start != at || at + 3 >= markdown.Length || markdown[at + 3] != ' ' || TabAfterMarker(markdown, item!.Span.Start, at))
            {
                (opens ??= new List<int>()).Add(at);
            }
        }

        return WithBackslashesAt(markdown, opens);
    }

    /// <summary>Whether the list marker at <paramref name="marker"/> (before <paramref name="limit"/>) has a tab straight after it.</summary>
    private static bool TabAfterMarker(string markdown, int marker, int limit)
    {
        var i = marker;
        if (i < 0 || i >= limit)
        {
            return false;
        }

        if (markdown[i] is '-' or '+' or '*')
        {
            i++;
        }
        else
        {
            while (i < limit && markdown[i] is >= '0' and <= '9')
            {
                i++;
            }

            if (i < limit && markdown[i] is '.' or ')')
            {
                i++;
            }
        }

        return i < limit && markdown[i] == '\t';
    }

    /// <summary>
    /// marked takes a link reference definition only when nothing but spaces follows it on its
    /// line: with a tab there (<c>[ref]: /x\t</c>) it is paragraph text, and the links that name
    /// it stay text. Its '[' is escaped to read as text.
    /// </summary>
    private static string DefinitionWithATrailingTabIsText(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0 || markdown.IndexOf("]:", StringComparison.Ordinal) < 0)
        {
            return markdown;
        }

        List<int>? opens = null;
        foreach (var definition in parsed.Descendants<Markdig.Syntax.LinkReferenceDefinition>())
        {
            var start = definition.Span.Start;
            var end = definition.Span.End + 1;
            if (start < 0 || end > markdown.Length || start >= markdown.Length || markdown[start] != '[')
            {
                continue;
            }

            var lineEnd = markdown.IndexOf('\n', Math.Max(start, end - 1));
            var rest = markdown.AsSpan(end, (lineEnd < 0 ? markdown.Length : lineEnd) - end).TrimEnd('\r');
            if (rest.IndexOf('\t') >= 0 && IsBlank(rest))
            {
                (opens ??= new List<int>()).Add(start);
            }
        }

        return WithBackslashesAt(markdown, opens);
    }

    /// <summary>
    /// marked ends a paragraph at a line of spaces only: a line of white space that holds a tab
    /// (<c>\t</c>, <c> \t</c>) is more of the paragraph, and so is the line after it unless that
    /// starts a block of its own. CommonMark calls both lines blank. The tab is written as its
    /// entity there, which Markdig reads as paragraph text; not before a setext underline, which
    /// marked reads as a rule after the paragraph and Markdig, with the text, as a heading.
    /// After a quote's paragraph, such a line without a '&gt;' is taken into the quote and ends the
    /// paragraph there, and the plain lines after it are a new paragraph of the quote
    /// (<c>&gt; a\n\t\nb</c> is a quote of two paragraphs): those lines are given a '&gt;'.
    /// </summary>
    private static string TabbedBlankLineContinuesAParagraph(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0)
        {
            return markdown;
        }

        var tabs = new List<int>();
        var lazy = new List<int>();
        foreach (var paragraph in parsed.Descendants<ParagraphBlock>())
        {
            // Outside any block, or in quotes only (each line then opens with a '>' per quote).
            var depth = 0;
            Block? container = paragraph.Parent;
            while (container is QuoteBlock)
            {
                depth++;
                container = container.Parent;
            }

            if (container is not MarkdownDocument || paragraph.Span.End < 0 || paragraph.Span.End >= markdown.Length)
            {
                continue;
            }

            // Lines end at "\r\n", '\r' or '\n', in marked as in CommonMark.
            var line = LineBreakAt(markdown, paragraph.Span.End);
            var found = new List<int>();
            while (line >= 0)
            {
                var start = AfterLineBreak(markdown, line);
                var end = LineBreakAt(markdown, start);
                if (depth == 1 && !OpensWithQuoteMarker(markdown, start))
                {
                    tabs.AddRange(found);
                    var lazyLine = markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start);
                    if (IsTabbedBlank(lazyLine))
                    {
                        QuoteLazyLines(markdown, start, lazy);
                    }

                    break;
                }

                // marked reads a quote's line without its '>' and one space or tab after it, quote by quote.
                var markers = 0;
                while (markers < depth && OpensWithQuoteMarker(markdown, start))
                {
                    start = markdown.IndexOf('>', start) + 1;
                    if (start < markdown.Length && markdown[start] is ' ' or '\t')
                    {
                        start++;
                    }

                    markers++;
                }

                if (markers < depth)
                {
                    tabs.AddRange(found);
                    break;
                }

                var span = markdown.AsSpan(start, Math.Max(0, (end < 0 ? markdown.Length : end) - start));
                if (!IsTabbedBlank(span))
                {
                    if (!IsSetextUnderline(span))
                    {
                        tabs.AddRange(found);
                    }

                    break;
                }

                found.Add(start + span.IndexOf('\t'));
                if (end < 0)
                {
                    tabs.AddRange(found);
                }

                line = end;
            }
        }

        if (tabs.Count == 0 && lazy.Count == 0)
        {
            return markdown;
        }

        // From the end, so each offset still names its place: a tab is replaced, a line gets a '>'.
        var edits = tabs.Select(t => (At: t, Quote: false)).Concat(lazy.Select(l => (At: l, Quote: true))).OrderByDescending(e => e.At);
        var sb = new System.Text.StringBuilder(markdown);
        foreach (var (at, quote) in edits)
        {
            if (quote)
            {
                sb.Insert(at, "> ");
            }
            else
            {
                sb.Remove(at, 1).Insert(at, "&#9;");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Adds to <paramref name="lazy"/> the starts of the lines from <paramref name="from"/> that
    /// marked takes into a quote after its paragraph: lines of white space holding a tab, and the
    /// plain lines after them, up to a blank line, a quoted line or a line that starts a block.
    /// </summary>
    private static void QuoteLazyLines(string markdown, int from, List<int> lazy)
    {
        var at = from;
        while (at < markdown.Length)
        {
            var end = LineBreakAt(markdown, at);
            var line = markdown.AsSpan(at, (end < 0 ? markdown.Length : end) - at);
            var tabbed = IsTabbedBlank(line);
            if (!tabbed && (IsBlank(line) || OpensWithQuoteMarker(markdown, at) || StartsABlock(line)))
            {
                return;
            }

            lazy.Add(at);
            if (end < 0)
            {
                return;
            }

            at = AfterLineBreak(markdown, end);
        }
    }

    /// <summary>Whether a line may start a block that ends a paragraph in marked (a heading, fence, list item, rule, html, setext line); erring towards yes.</summary>
    private static bool StartsABlock(ReadOnlySpan<char> line)
    {
        var p = 0;
        while (p < line.Length && p < 3 && line[p] == ' ')
        {
            p++;
        }

        if (p >= line.Length || line[p] == '\t')
        {
            return p < line.Length;
        }

        var c = line[p];
        var next = p + 1 < line.Length ? line[p + 1] : ' ';
        if (c is '#' or '>' or '<' or '`' or '~' or '=' or '_' or '|')
        {
            return true;
        }

        if (c is '-' or '+' or '*')
        {
            // A list item, or a rule of three or more.
            if (next is ' ' or '\t')
            {
                return true;
            }

            foreach (var d in line.Slice(p))
            {
                if (d != c && d != ' ')
                {
                    return false;
                }
            }

            return true;
        }

        var digits = 0;
        while (p + digits < line.Length && line[p + digits] is >= '0' and <= '9')
        {
            digits++;
        }

        return digits is > 0 and <= 9 && p + digits < line.Length && line[p + digits] is '.' or ')'
            && (p + digits + 1 >= line.Length || line[p + digits + 1] is ' ' or '\t');
    }

    /// <summary>Where the line after the line break at <paramref name="lineBreak"/> ("\r\n", '\r' or '\n') starts.</summary>
    private static int AfterLineBreak(string markdown, int lineBreak) =>
        lineBreak + (markdown[lineBreak] == '\r' && lineBreak + 1 < markdown.Length && markdown[lineBreak + 1] == '\n' ? 2 : 1);

    /// <summary>Whether a line after the first starts with <paramref name="c"/> after at most three spaces.</summary>
    private static bool SomeLineStartsWith(string markdown, char c)
    {
        for (var at = markdown.IndexOf(c); at >= 0; at = markdown.IndexOf(c, at + 1))
        {
            var p = at;
            while (p > 0 && at - p < 3 && markdown[p - 1] == ' ')
            {
                p--;
            }

            if (p > 0 && markdown[p - 1] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a line is white space holding a tab (which marked, unlike CommonMark, does not call blank).</summary>
    private static bool IsTabbedBlank(ReadOnlySpan<char> line) => line.Length > 0 && IsBlank(line) && line.IndexOf('\t') >= 0;

    private static int LeadingSpaces(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }

    /// <summary><paramref name="markdown"/> with the given number of spaces inserted at each offset (ascending).</summary>
    private static string WithSpacesAt(string markdown, List<(int At, int Spaces)>? indents)
    {
        if (indents is null)
        {
            return markdown;
        }

        var sb = new System.Text.StringBuilder(markdown);
        for (var i = indents.Count - 1; i >= 0; i--)
        {
            sb.Insert(indents[i].At, " ", indents[i].Spaces);
        }

        return sb.ToString();
    }

    /// <summary>The first '\r' or '\n' at or after <paramref name="from"/>, or -1.</summary>
    private static int LineBreakAt(string markdown, int from) => from >= markdown.Length ? -1 : markdown.IndexOfAny(LineBreaks, from);

    private static readonly char[] LineBreaks = { '\r', '\n' };

    private static bool IsSetextUnderline(ReadOnlySpan<char> line)
    {
        var p = 0;
        while (p < line.Length && p < 3 && line[p] == ' ')
        {
            p++;
        }

        if (p >= line.Length || line[p] is not ('=' or '-'))
        {
            return false;
        }

        var c = line[p];
        while (p < line.Length && line[p] == c)
        {
            p++;
        }

        while (p < line.Length && line[p] is ' ' or '\t')
        {
            p++;
        }

        return p == line.Length;
    }

    /// <summary>
    /// marked reads a block quote in runs of lines up to a line without '&gt;' (a lazy continuation);
    /// when such a run ends in a list, the list is read again with every line left in the quote,
    /// as they are written, '&gt;' and all, so they become more of the list's last item
    /// (<c>&gt; - a\nlazy\n&gt; &gt; b</c> holds a quote within a quote inside the item). CommonMark
    /// ends the list at the next '&gt;' line. Those lines are indented into the item's content.
    /// </summary>
    private static string QuotedListTakesTheRestAfterALazyLine(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('>') < 0)
        {
            return markdown;
        }

        var inserts = new List<(int At, string Text)>();
        foreach (var block in parsed)
        {
            if (block is not QuoteBlock quote || quote.Span.End >= markdown.Length || quote.Span.Start < 0)
            {
                continue;
            }

            // The first line of the quote that does not open with '>'.
            var lazy = -1;
            var line = markdown.IndexOf('\n', quote.Span.Start);
            while (line >= 0 && line < quote.Span.End)
            {
                if (!OpensWithQuoteMarker(markdown, line + 1))
                {
                    lazy = line + 1;
                    break;
                }

                line = markdown.IndexOf('\n', line + 1);
            }

            var after = lazy < 0 ? -1 : markdown.IndexOf('\n', lazy);
            if (after < 0 || after >= quote.Span.End)
            {
                continue;
            }

            // The run before the lazy line ends in a list, which the lazy line continues.
            Block? last = null;
            foreach (var child in quote)
            {
                if (child.Span.Start < lazy)
                {
                    last = child;
                }
            }

            if (last is not ListBlock list || list.Span.End < lazy || list.Count == 0 || list[list.Count - 1] is not ListItemBlock item || item.Count == 0)
            {
                continue;
            }

            // The lines go on to the innermost last item, as marked reads each item's content again the same way.
            while (item[item.Count - 1] is ListBlock { Count: > 0 } inner && inner[inner.Count - 1] is ListItemBlock { Count: > 0 } innerItem)
            {
                item = innerItem;
            }

            var content = item[0];

            var indent = new string(' ', Math.Max(0, content.Column - 2));
            for (var at = after + 1; at >= 0 && at <= quote.Span.End; at = markdown.IndexOf('\n', at) is var next and >= 0 ? next + 1 : -1)
            {
                inserts.Add((at, "> " + indent));
            }
        }

        if (inserts.Count == 0)
        {
            return markdown;
        }

        var sb = new System.Text.StringBuilder(markdown);
        for (var i = inserts.Count - 1; i >= 0; i--)
        {
            sb.Insert(inserts[i].At, inserts[i].Text);
        }

        return sb.ToString();
    }

    private static bool OpensWithQuoteMarker(string markdown, int lineStart)
    {
        var p = lineStart;
        while (p < markdown.Length && p - lineStart < 3 && markdown[p] == ' ')
        {
            p++;
        }

        return p < markdown.Length && markdown[p] == '>';
    }

    /// <summary>
    /// marked lets a list item interrupt a paragraph only when a space follows its marker, so a line
    /// with a tab straight after the marker (<c>-\tfoo</c>, <c>1.\tfoo</c>) right under paragraph
    /// text is more of that paragraph, and so is each such line after it; Markdig starts a list.
    /// So is an ordered item numbered 1 with leading zeros (<c>01. foo</c>): marked wants "1".
    /// Inside a list item marked reads each line as a block of its own and starts the list too, as
    /// Markdig does. The marker is escaped to read as text.
    /// </summary>
    private static string TabbedMarkerUnderAParagraphIsText(string markdown, MarkdownDocument parsed)
    {
        if (markdown.IndexOf('\t') < 0 && markdown.IndexOf("01.", StringComparison.Ordinal) < 0 && markdown.IndexOf("01)", StringComparison.Ordinal) < 0)
        {
            return markdown;
        }

        // Each escape turns the list's first item into paragraph text, which the next item may then
        // interrupt in Markdig; the text is parsed again until no list is left to escape.
        for (var round = 0; round < 64; round++)
        {
            var at = FirstTabbedMarkerUnderAParagraph(markdown, parsed);
            if (at < 0)
            {
                return markdown;
            }

            markdown = markdown.Insert(at, "\\");
            parsed = Parse(markdown);
        }

        return markdown;
    }

    /// <summary>Where to put the backslash that escapes the marker of such a list's first item, or -1.</summary>
    private static int FirstTabbedMarkerUnderAParagraph(string markdown, MarkdownDocument parsed)
    {
        foreach (var list in parsed.Descendants<ListBlock>())
        {
            if (list.Parent is not { } container || list.Count == 0 || list[0] is not ListItemBlock item || !OutsideListItems(list))
            {
                continue;
            }

            var index = container.IndexOf(list);
            var p = item.Span.Start;
            if (index <= 0 || container[index - 1] is not ParagraphBlock paragraph || p < 0 || p >= markdown.Length
                || paragraph.Span.End < 0 || paragraph.Span.End >= p || !OneLineBreakBetween(markdown, paragraph.Span.End, p))
            {
                continue;
            }

            if (markdown[p] is '-' or '+' or '*')
            {
                if (p + 1 < markdown.Length && markdown[p + 1] == '\t')
                {
                    return p;
                }

                continue;
            }

            while (p < markdown.Length && markdown[p] is >= '0' and <= '9')
            {
                p++;
            }

            if (p > item.Span.Start && p + 1 < markdown.Length && markdown[p] is '.' or ')' && markdown[p + 1] == '\t')
            {
                return p;
            }

            // marked lets only a literal "1." or "1)" interrupt a paragraph; CommonMark takes "01." too.
            if (p > item.Span.Start + 1 && p < markdown.Length && markdown[p] is '.' or ')' && markdown[p - 1] == '1'
                && markdown.AsSpan(item.Span.Start, p - 1 - item.Span.Start).Trim('0').Length == 0)
            {
                return p;
            }
        }

        return -1;
    }

    private static bool OneLineBreakBetween(string markdown, int from, int to)
    {
        var breaks = 0;
        for (var i = from; i < to; i++)
        {
            if (markdown[i] == '\n')
            {
                breaks++;
            }
        }

        return breaks == 1;
    }

    /// <summary>Whether marked reads the block's lines as paragraphs can hold them: not inside a list item (a quote starts afresh).</summary>
    private static bool OutsideListItems(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ListItemBlock)
            {
                return false;
            }

            if (parent is QuoteBlock)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>
    /// marked reads a list item's lazy continuation lines as part of the item before it reads
    /// blocks, so an unindented line of '=' under an item's text (<c>* cost\n===</c>) makes that
    /// text a heading inside the item, and the lazy lines after it stay in the item; CommonMark reads
    /// the '=' line as more paragraph text (a setext underline cannot be lazy). Those lines are
    /// indented to the item's content.
    /// </summary>
    private static string LazyEqualsLineUnderlinesInTheItem(string markdown, MarkdownDocument parsed)
    {
        if (!SomeLineStartsWith(markdown, '='))
        {
            return markdown;
        }

        List<(int At, int Spaces)>? indents = null;
        foreach (var paragraph in parsed.Descendants<ParagraphBlock>())
        {
            if (paragraph.Parent is not ListItemBlock || InsideAQuote(paragraph) || paragraph.Span.Start < 0 || paragraph.Span.End >= markdown.Length)
            {
                continue;
            }

            var column = paragraph.Column;
            var underlined = false;
            var line = LineBreakAt(markdown, paragraph.Span.Start);
            while (line >= 0 && line < paragraph.Span.End)
            {
                var start = AfterLineBreak(markdown, line);
                var end = LineBreakAt(markdown, start);
                var text = markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start);
                var indent = LeadingSpaces(text);

                if (indent < text.Length && text[indent] == '\t')
                {
                    // Tabs count to a tab stop; such a paragraph is left as it is.
                    break;
                }

                if (!underlined && indent < column && indent < text.Length && text[indent] == '=' && IsSetextUnderline(text))
                {
                    underlined = true;
                }

                if (underlined && indent < column)
                {
                    (indents ??= new List<(int, int)>()).Add((start, column - indent));
                }

                line = end;
            }
        }

        return WithSpacesAt(markdown, indents);
    }

    /// <summary>
    /// marked takes a '&gt;' line straight under a list item's text (<c>- a\n&gt; q</c>) into the
    /// item, as it takes any line that does not start a list item, heading, fence, rule or html:
    /// the quote is inside the item, with its lazy lines. CommonMark ends the list at the quote.
    /// Those lines are indented to the content of the innermost last item of a list outside quotes.
    /// </summary>
    private static string QuoteRightUnderAListItemIsInTheItem(string markdown, MarkdownDocument parsed)
    {
        if (!SomeLineStartsWith(markdown, '>'))
        {
            return markdown;
        }

        List<(int At, int Spaces)>? indents = null;
        foreach (var list in parsed.OfType<ListBlock>())
        {
            var item = list.LastChild as ListItemBlock;
            while (item?.LastChild is ListBlock inner)
            {
                item = inner.LastChild as ListItemBlock;
            }

            if (item is null || item.Count == 0 || item.LastChild is not ParagraphBlock last || list.Span.End < 0 || list.Span.End >= markdown.Length)
            {
                continue;
            }

            // The quote must start on the line right after the list's last line.
            var lineBreak = LineBreakAt(markdown, Math.Max(list.Span.End, last.Span.End));
            if (lineBreak < 0)
            {
                continue;
            }

            var column = item[0].Column;
            var at = AfterLineBreak(markdown, lineBreak);
            var first = true;
            while (at < markdown.Length)
            {
                var end = LineBreakAt(markdown, at);
                var line = markdown.AsSpan(at, (end < 0 ? markdown.Length : end) - at);
                var indent = LeadingSpaces(line);
                var quoteLine = indent < 4 && indent < line.Length && line[indent] == '>';
                if ((first && !quoteLine) || (!quoteLine && (IsBlank(line) || StartsABlock(line))) || line.IndexOf('\t') >= 0 || indent >= column)
                {
                    break;
                }

                (indents ??= new List<(int, int)>()).Add((at, column - indent));
                first = false;
                if (end < 0)
                {
                    break;
                }

                at = AfterLineBreak(markdown, end);
            }
        }

        return WithSpacesAt(markdown, indents);
    }

    private static bool InsideAQuote(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is QuoteBlock)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// marked continues a list item's paragraph with a line indented less than the item's content
    /// (a lazy continuation line) only while the item has had no blank line; after one, such a line
    /// ends the list. CommonMark keeps it in the paragraph. A blank line is put before it, which ends
    /// the list in Markdig too.
    /// </summary>
    private static string LazyLineAfterABlankEndsTheList(string markdown, MarkdownDocument parsed)
    {
        List<int>? breaks = null;
        foreach (var paragraph in parsed.Descendants<ParagraphBlock>())
        {
            if (paragraph.Parent is not ListItemBlock item || paragraph.Span.Start <= item.Span.Start || paragraph.Span.End >= markdown.Length)
            {
                continue;
            }

            var lineStart = markdown.IndexOf('\n', paragraph.Span.Start);
            while (lineStart >= 0 && lineStart < paragraph.Span.End)
            {
                lineStart++;
                var indent = 0;
                while (lineStart + indent < markdown.Length && markdown[lineStart + indent] == ' ')
                {
                    indent++;
                }

                if (indent < paragraph.Column && lineStart + indent < markdown.Length && markdown[lineStart + indent] is not ('\n' or '\t')
                    && HasBlankLine(markdown, item.Span.Start, lineStart))
                {
                    (breaks ??= new List<int>()).Add(lineStart);
                    break;
                }

                lineStart = markdown.IndexOf('\n', lineStart);
            }
        }

        if (breaks is null)
        {
            return markdown;
        }

        breaks.Sort();
        var sb = new System.Text.StringBuilder(markdown);
        for (var i = breaks.Count - 1; i >= 0; i--)
        {
            sb.Insert(breaks[i], "\n");
        }

        return sb.ToString();
    }

    private static bool HasBlankLine(string markdown, int from, int to)
    {
        var line = markdown.IndexOf('\n', from);
        while (line >= 0 && line < to - 1)
        {
            var next = markdown.IndexOf('\n', line + 1);
            if (next < 0 || next > to)
            {
                return false;
            }

            if (IsBlank(markdown.AsSpan(line + 1, next - line - 1)))
            {
                return true;
            }

            line = next;
        }

        return false;
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
    /// <remarks>
    /// A tab straight after the marker (<c>-\tfoo</c>) is content to marked, not spacing: the item's
    /// content indent is the marker's width alone, so the next line indented by two spaces is inside
    /// the item (a nested list) where Markdig, which spends the tab on the marker's spacing, reads a
    /// sibling. The tab becomes one space, which gives the item the same children in Markdig. marked
    /// reads that tab as three spaces of content, so with a space after it the content is indented
    /// code (<c>-\t foo</c>); the two become five spaces, which Markdig reads as code too.
    /// </remarks>
    private static string TabAfterListMarkerAsMarkedReadsIt(string markdown) =>
        markdown.IndexOf('\t') < 0
            ? markdown
            : ListMarkerTab.Replace(ListMarkerTabFirst.Replace(markdown, m => m.Groups[1].Value + (m.Groups[2].Length > 0 ? "     " : " ")), "$1    ");

    private static readonly System.Text.RegularExpressions.Regex ListMarkerTab = new(
        @"(?m)^([ \t]*(?:[-+*]|[0-9]{1,9}[.)]) {1,3})\t",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex ListMarkerTabFirst = new(
        @"(?m)^([ \t]*(?:[-+*]|[0-9]{1,9}[.)]))\t( ?)",
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
    public static string RenderSection(string heading, MarkdownDocument body)
    {
        // A heading too costly or too deep to parse is shown as its plain text.
        var parsed = TryParse("## " + heading, out var problem);
        var head = problem is null
            ? parsed.ToHtml(Pipeline)
            : "<h2>" + System.Net.WebUtility.HtmlEncode(heading) + "</h2>\n";
        return head + body.ToHtml(Pipeline);
    }

    /// <summary>Whether <see cref="TryParse"/> would hand <paramref name="markdown"/> to Markdig (its estimated cost is within the budget).</summary>
    public static bool WithinWorkBudget(string markdown) =>
        EstimateWork(markdown, autoLinks: true).Work <= FixedWorkAllowance + (WorkPerCharacter * markdown.Length);

    /// <summary>
    /// GitHub heading ids (<c>id="what-changed"</c>, then <c>-1</c>, <c>-2</c>… for repeats), as
    /// Markdig's auto-identifier extension in GitHub mode assigns them, but numbered from the last
    /// number a base id was given rather than from 1: the same ids, in time linear in the number of
    /// headings (Markdig's own extension is quadratic in repeated headings).
    /// </summary>
    /// <summary>Links keep their host as written, as marked keeps it (see <see cref="MarkedUrls.WithHostAsWritten"/>).</summary>
    private sealed class HostsAsWritten : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.LinkRewriter = MarkedUrls.WithHostAsWritten;
            }
        }
    }

    private sealed class GitHubHeadingIds : IMarkdownExtension
    {
        private const string StateKey = "SoulAtlas.Lint.HeadingIds";

        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
            {
                headings.Closed -= OnClosed;
                headings.Closed += OnClosed;
            }

            if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
            {
                // A setext heading is closed by the paragraph parser.
                paragraphs.Closed -= OnClosed;
                paragraphs.Closed += OnClosed;
            }
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
        }

        private static void OnClosed(BlockProcessor processor, Block block)
        {
            if (block is HeadingBlock heading)
            {
                heading.ProcessInlinesEnd += AssignId;
            }
        }

        private static void AssignId(InlineProcessor processor, Inline? inline)
        {
            var heading = (HeadingBlock)processor.Block!;
            if (heading.Inline is null)
            {
                return;
            }

            var attributes = heading.GetAttributes();
            if (attributes.Id is not null)
            {
                return;
            }

            if (processor.Document.GetData(StateKey) is not State state)
            {
                state = new State();
                processor.Document.SetData(StateKey, state);
            }

            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var plain = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
            plain.Render(heading.Inline);
            var text = LinkHelper.UrilizeAsGfm(writer.ToString());
            var baseId = string.IsNullOrEmpty(text) ? "section" : text;

            // Numbers below the last one handed out for this base are all taken already.
            state.LastNumber.TryGetValue(baseId, out var number);
            var id = number == 0 ? baseId : baseId + "-" + number.ToString(CultureInfo.InvariantCulture);
            while (!state.Ids.Add(id))
            {
                number++;
                id = baseId + "-" + number.ToString(CultureInfo.InvariantCulture);
            }

            state.LastNumber[baseId] = number;
            attributes.Id = id;
        }

        private sealed class State
        {
            public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

            public Dictionary<string, int> LastNumber { get; } = new(StringComparer.Ordinal);
        }
    }
}
