using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Markdown that the site's renderer shows differently from what the author wrote: a pair of
/// single tildes struck through, and emphasis delimiters that pair up with nothing and are shown
/// as literal asterisks or underscores.
/// </summary>
public sealed partial class RenderHazardRule : Rule
{
    /// <summary>
    /// The strikethrough rule of <c>marked</c> up to version 16, which published the site: one or
    /// two tildes, a non-space character, the shortest run of text ending in a character that is
    /// neither space nor tilde, and the same tildes not followed by another.
    /// </summary>
    private const string MarkedStrikethroughPattern = @"\G(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|\z)";
#if NET
    private static readonly Regex MarkedStrikethrough = MarkedStrikethroughRegex();

    [GeneratedRegex(MarkedStrikethroughPattern, RegexOptions.CultureInvariant)]
    private static partial Regex MarkedStrikethroughRegex();
#else
    private static readonly Regex MarkedStrikethrough = new(MarkedStrikethroughPattern, RegexOptions.CultureInvariant);
#endif

    private const int ShownCharacters = 40;

    public override RuleDescriptor Descriptor => RuleCatalogue.RenderHazard;

    public override void Check(RuleContext context)
    {
        foreach (var section in BodySections.Editable(context.Document))
        {
            if (context.OutOfTime)
            {
                return;
            }

            foreach (var (start, end, message, tilde, closing) in Find(section.Markdown, () => BodySections.SyntaxOf(context, section) ?? new MarkdownDocument(), skipPlainBlocks: true))
            {
                context.Report(section.RangeOf(start, end), message, tilde ? EscapeTildes(section, start, closing) : null);
            }
        }
    }

    /// <summary>
    /// In SOUL.md, the edits that write both tildes of a pair as <c>\~</c>: the site then shows
    /// "~" where each stood and strikes nothing through. Null in a record, which is rebuilt from its
    /// folder (and whose markdown is a JSON string).
    /// </summary>
    private static IReadOnlyList<TextEdit>? EscapeTildes(Section section, int opening, int closing)
    {
        if (section.RecordEntry is not null)
        {
            return null;
        }

        var edits = new List<TextEdit>(2);
        foreach (var offset in closing >= 0 ? new[] { opening, closing } : new[] { opening })
        {
            var range = section.RangeOf(offset, offset + 1);
            if (range.End != range.Start + 1 || range.File.Text[range.Start] != '~')
            {
                return null;
            }

            edits.Add(new TextEdit(range, "\\~"));
        }

        return edits;
    }

    /// <summary>
    /// Every hazard in a section, as a range of its markdown and a message; for a pair of single
    /// tildes, also where the closing one stands (-1 when it is not literal text). Most sections have
    /// neither a pair of tildes nor a delimiter and are settled without their syntax tree. With
    /// <paramref name="skipPlainBlocks"/>, blocks that cannot hold a hazard are not read (the same
    /// result, cheaper; tests compare the two).
    /// </summary>
    internal static List<(int Start, int End, string Message, bool Tilde, int Closing)> Find(string markdown, Func<MarkdownDocument> syntax, bool skipPlainBlocks)
    {
        var found = new List<(int Start, int End, string Message, bool Tilde, int Closing)>();
        var tildes = HasTildePair(markdown);
        var delimiters = HasDelimiters(markdown);
        if (!tildes && !delimiters)
        {
            return found;
        }

        foreach (var block in syntax().Descendants<LeafBlock>())
        {
            if (block.Inline is not { } inline || (skipPlainBlocks && !MayShowDifferently(inline, tildes, delimiters)))
            {
                continue;
            }

            var text = InlineText.Of(inline, markdown);
            if (tildes)
            {
                CheckTildes(found, markdown, text);
            }

            if (delimiters)
            {
                CheckDelimiters(found, text);
                CheckMidWordEmphasis(found, text);
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the checks below could report anything in this inline content, decided from the syntax
    /// tree without building its text: they look only at tildes and delimiters left in literal text,
    /// and at emphasis that may open inside a word. May say yes when there is nothing; never says no
    /// when there is something.
    /// </summary>
    private static bool MayShowDifferently(ContainerInline container, bool tildes, bool delimiters)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    var content = literal.Content;
                    if (content.Length > 0
                        && ((tildes && content.Text.IndexOf('~', content.Start, content.Length) >= 0)
                            || (delimiters && content.Text.IndexOfAny(Delimiters, content.Start, content.Length) >= 0)))
                    {
                        return true;
                    }

                    break;
                case EmphasisInline emphasis:
                    if ((delimiters && MayOpenInsideWord(emphasis, container)) || MayShowDifferently(emphasis, tildes, delimiters))
                    {
                        return true;
                    }

                    break;
                case ContainerInline nested:
                    if (MayShowDifferently(nested, tildes, delimiters))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Whether the character written just before an emphasis may be a letter or digit.</summary>
    private static bool MayOpenInsideWord(EmphasisInline emphasis, ContainerInline parent) => emphasis.PreviousSibling switch
    {
        LiteralInline { Content: { Length: > 0 } content } => char.IsLetterOrDigit(content.Text[content.End]),
        LiteralInline => true,
        EmphasisInline or LinkInline => false,
        ContainerInline => true,

        // First in its parent: after the parent's own opening delimiter or bracket, or at the start.
        null => parent is not (EmphasisInline or LinkInline) && parent.Parent is not null,
        _ => false,
    };

    private static readonly char[] Delimiters = { '*', '_' };

    private static void CheckTildes(List<(int Start, int End, string Message, bool Tilde, int Closing)> found, string markdown, InlineText text)
    {
        var s = text.Text;
        var i = s.IndexOf('~');
        while (i >= 0 && i < s.Length)
        {
            if (!text.IsProse(i))
            {
                i = s.IndexOf('~', i + 1);
                continue;
            }

            var match = MarkedStrikethrough.Match(s, i);
            if (match.Success)
            {
                if (match.Groups[1].Length == 1)
                {
                    var start = text.OffsetAt(i);
                    var closing = text.OffsetAt(match.Index + match.Length - 1);
                    var struck = closing > start ? markdown.Substring(start + 1, closing - start - 1) : match.Groups[2].Value;
                    var closingIndex = match.Index + match.Length - 1;
                    var escapable = closing > start && text.IsProse(closingIndex) ? closing : -1;
                    found.Add((start, start + 1, $"the site shows {Quote.Q(Shorten(struck))} struck through: the renderer pairs this single tilde with the next one; write \\~ for \"approximately\"", true, escapable));
                }

                i = s.IndexOf('~', match.Index + match.Length);
                continue;
            }

            // The renderer takes a run of tildes that opens nothing as plain text.
            while (i < s.Length && s[i] == '~')
            {
                i++;
            }

            i = s.IndexOf('~', i);
        }
    }

    /// <summary>
    /// A run of <c>*</c> or <c>_</c> that the renderer leaves as text although it could open or close
    /// emphasis: either the left-over part of a run that paired with a shorter one (<c>**bold*</c>
    /// shows <c>*</c> and italic "bold"), or a double run that pairs with nothing at all. A lone
    /// <c>*</c> with no partner (<c>O*NET</c>, <c>*arr stack</c>) is shown as written, so it is fine.
    /// </summary>
    private static void CheckDelimiters(List<(int Start, int End, string Message, bool Tilde, int Closing)> found, InlineText text)
    {
        var s = text.Text;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((c != '*' && c != '_') || !text.IsProse(i))
            {
                continue;
            }

            var end = i;
            while (end < s.Length && s[end] == c && text.IsProse(end))
            {
                end++;
            }

            var run = s.Substring(i, end - i);
            var before = i > 0 ? s[i - 1] : '\n';
            var after = end < s.Length ? s[end] : '\n';
            var start = text.OffsetAt(i);
            var escape = c == '*' ? "\\*" : "\\_";
            if (before == c || after == c)
            {
                var emphasis = run.Length + 1 == 2 ? "italic" : "emphasised";
                found.Add((start, start + run.Length, $"unbalanced emphasis: {Quote.Q(run)} is left over beside {(after == c ? "the opening" : "the closing")} delimiter, so the site shows a literal {Quote.Q(run)} next to {emphasis} text; make both delimiters the same length, or write {escape} for a literal one", false, -1));
            }
            else if (run.Length >= 2 && EmphasisFlanking.CanOpenOrClose(c, before, after, out var opens))
            {
                found.Add((start, start + run.Length, $"unbalanced emphasis: {Quote.Q(run)} {(opens ? "opens" : "closes")} emphasis that nothing {(opens ? "closes" : "opened")}, so the site shows a literal {Quote.Q(run)}; balance the delimiters, or write {escape} for a literal one", false, -1));
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// Emphasis that opens inside one word and closes inside another (<c>O*NET and G*Power</c>
    /// shows "NET and G" in italics): nobody means that, while a name with one asterisk is fine.
    /// </summary>
    private static void CheckMidWordEmphasis(List<(int Start, int End, string Message, bool Tilde, int Closing)> found, InlineText text)
    {
        var s = text.Text;
        foreach (var (open, close, length) in text.Emphases)
        {
            var end = close + length;
            if (open == 0 || end >= s.Length || !char.IsLetterOrDigit(s[open - 1]) || !char.IsLetterOrDigit(s[end])
                || s.IndexOf(' ', open, close - open) < 0 || text.OffsetAt(open) < 0)
            {
                continue;
            }

            var start = text.OffsetAt(open);
            var delimiter = s.Substring(open, length);
            var shown = s.Substring(open + length, close - open - length).Replace('\n', ' ');
            found.Add((start, start + length, $"unbalanced emphasis: the {Quote.Q(delimiter)} inside this word pairs with the one inside a later word, so the site shows {Quote.Q(Shorten(shown))} as {(length == 1 ? "italic" : "bold")}; write {(s[open] == '*' ? "\\*" : "\\_")} for a literal one", false, -1));
        }
    }

    private static bool HasTildePair(string markdown)
    {
        var first = markdown.IndexOf('~');
        return first >= 0 && markdown.IndexOf('~', first + 1) >= 0;
    }

    private static bool HasDelimiters(string markdown) => markdown.IndexOfAny(Delimiters) >= 0;

    private static string Shorten(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= ShownCharacters ? flat : flat.Substring(0, ShownCharacters - 1) + "…";
    }
}
