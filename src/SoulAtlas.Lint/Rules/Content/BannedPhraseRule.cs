using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>Phrases from the style guide's banned list, in prose: code, raw HTML and link destinations are not prose.</summary>
public sealed class BannedPhraseRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.BannedPhrase;

    public override void Check(RuleContext context)
    {
        var matcher = context.Caches.PhrasesFor(context.Settings.BannedPhrases);
        foreach (var section in BodySections.Editable(context.Document))
        {
            List<(int Start, int End)>? notProse = null;
            foreach (var (start, length, phrase) in matcher.Matches(section.Markdown))
            {
                notProse ??= NotProse(section.Syntax);
                if (!Inside(notProse, start))
                {
                    var written = section.Markdown.Substring(start, length);
                    var shown = string.Equals(written, phrase, System.StringComparison.Ordinal) ? string.Empty : $" (written {Quote.Q(written.Replace('\n', ' '))})";
                    context.Report(section.RangeOf(start, start + length), $"banned phrase {Quote.Q(phrase)}{shown}: say the concrete thing instead");
                }
            }
        }
    }

    /// <summary>Code blocks and spans, raw HTML and link destinations, as half-open markdown ranges.</summary>
    private static List<(int Start, int End)> NotProse(MarkdownDocument document)
    {
        var ranges = new List<(int, int)>();
        foreach (var node in document.Descendants())
        {
            SourceSpan span = node switch
            {
                CodeBlock or HtmlBlock or CodeInline or HtmlInline or AutolinkInline => node.Span,
                LinkInline { IsAutoLink: true } link => link.Span,
                LinkInline link => link.UrlSpan,
                LinkReferenceDefinition definition => definition.Span,
                _ => SourceSpan.Empty,
            };

            if (!span.IsEmpty)
            {
                ranges.Add((span.Start, span.End + 1));
            }
        }

        return ranges;
    }

    private static bool Inside(List<(int Start, int End)> ranges, int offset)
    {
        foreach (var (start, end) in ranges)
        {
            if (offset >= start && offset < end)
            {
                return true;
            }
        }

        return false;
    }
}
