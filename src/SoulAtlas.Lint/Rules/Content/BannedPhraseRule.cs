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
            if (context.OutOfTime)
            {
                return;
            }

            List<(int Start, int End)>? notProse = null;
            foreach (var (start, length, phrase) in matcher.Matches(section.Markdown))
            {
                notProse ??= BodySections.SyntaxOf(context, section) is { } syntax ? NotProse(syntax) : new List<(int Start, int End)>();
                if (!Inside(notProse, start))
                {
                    var written = section.Markdown.Substring(start, length);
                    var shown = string.Equals(written, phrase, System.StringComparison.Ordinal) ? string.Empty : $" (written {Quote.Q(written.Replace('\n', ' '))})";
                    context.Report(section.RangeOf(start, start + length), $"banned phrase {Quote.Q(phrase)}{shown}: say the concrete thing instead");
                }
            }
        }
    }

    /// <summary>Code blocks and spans, raw HTML and link destinations, as sorted, disjoint, half-open markdown ranges.</summary>
    private static List<(int Start, int End)> NotProse(MarkdownDocument document)
    {
        var ranges = new List<(int Start, int End)>();
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

        // Merged, so that a match is looked up in logarithmic time: a body of many matches and many
        // code spans would otherwise cost their product.
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, System.Math.Max(last.End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static bool Inside(List<(int Start, int End)> ranges, int offset)
    {
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var (start, end) = ranges[middle];
            if (offset < start)
            {
                high = middle - 1;
            }
            else if (offset >= end)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
