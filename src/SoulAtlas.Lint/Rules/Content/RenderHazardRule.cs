using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Markdown that the site's renderer shows differently from what the author wrote: a pair of
/// single tildes struck through, and emphasis delimiters that pair up with nothing and are shown
/// as literal asterisks or underscores.
/// </summary>
public sealed class RenderHazardRule : Rule
{
    /// <summary>
    /// The strikethrough rule of <c>marked</c> up to version 16, which published the site: one or
    /// two tildes, a non-space character, the shortest run of text ending in a character that is
    /// neither space nor tilde, and the same tildes not followed by another.
    /// </summary>
    private static readonly Regex MarkedStrikethrough = new(
        @"\G(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|\z)",
        RegexOptions.CultureInvariant);

    private const int ShownCharacters = 40;

    public override RuleDescriptor Descriptor => RuleCatalogue.RenderHazard;

    public override void Check(RuleContext context)
    {
        foreach (var section in BodySections.Editable(context.Document))
        {
            var markdown = section.Markdown;
            var tildes = CountTildes(markdown);
            var delimiters = markdown.IndexOf('*') >= 0 || markdown.IndexOf('_') >= 0;
            if (tildes < 2 && !delimiters)
            {
                continue;
            }

            foreach (var text in InlineText.Of(section.Syntax, section.Markdown))
            {
                if (tildes >= 2)
                {
                    CheckTildes(context, section, text);
                }

                if (delimiters)
                {
                    CheckDelimiters(context, section, text);
                    CheckMidWordEmphasis(context, section, text);
                }
            }
        }
    }

    private static void CheckTildes(RuleContext context, Documents.Section section, InlineText text)
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
                    var struck = closing > start ? section.Markdown.Substring(start + 1, closing - start - 1) : match.Groups[2].Value;
                    context.Report(
                        section.RangeOf(start, start + 1),
                        $"the site shows {Quote.Q(Shorten(struck))} struck through: the renderer pairs this single tilde with the next one; write \\~ for \"approximately\"");
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
    private static void CheckDelimiters(RuleContext context, Documents.Section section, InlineText text)
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
                context.Report(
                    section.RangeOf(start, start + run.Length),
                    $"unbalanced emphasis: {Quote.Q(run)} is left over beside {(after == c ? "the opening" : "the closing")} delimiter, so the site shows a literal {Quote.Q(run)} next to {emphasis} text; make both delimiters the same length, or write {escape} for a literal one");
            }
            else if (run.Length >= 2 && EmphasisFlanking.CanOpenOrClose(c, before, after, out var opens))
            {
                context.Report(
                    section.RangeOf(start, start + run.Length),
                    $"unbalanced emphasis: {Quote.Q(run)} {(opens ? "opens" : "closes")} emphasis that nothing {(opens ? "closes" : "opened")}, so the site shows a literal {Quote.Q(run)}; balance the delimiters, or write {escape} for a literal one");
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// Emphasis that opens inside one word and closes inside another (<c>O*NET and G*Power</c>
    /// shows "NET and G" in italics): nobody means that, while a name with one asterisk is fine.
    /// </summary>
    private static void CheckMidWordEmphasis(RuleContext context, Documents.Section section, InlineText text)
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
            context.Report(
                section.RangeOf(start, start + length),
                $"unbalanced emphasis: the {Quote.Q(delimiter)} inside this word pairs with the one inside a later word, so the site shows {Quote.Q(Shorten(shown))} as {(length == 1 ? "italic" : "bold")}; write {(s[open] == '*' ? "\\*" : "\\_")} for a literal one");
        }
    }

    private static int CountTildes(string markdown)
    {
        var count = 0;
        for (var i = markdown.IndexOf('~'); i >= 0 && count < 2; i = markdown.IndexOf('~', i + 1))
        {
            count++;
        }

        return count;
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= ShownCharacters ? flat : flat.Substring(0, ShownCharacters - 1) + "…";
    }
}
