using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Loading;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// A record's stored section html must show the reader what its markdown says. Both sides are
/// parsed as a browser would and compared as <see cref="ReaderView"/>s, so renderer differences in
/// inline markup, entities and whitespace are not reported, while a stale or hand-edited html is.
/// </summary>
public sealed class SectionHtmlRule : Rule
{
    private const int ContextWords = 4;

    public override RuleDescriptor Descriptor => RuleCatalogue.SectionHtml;

    public override void Check(RuleContext context)
    {
        foreach (var section in context.Document.Sections)
        {
            if (section.RecordEntry?["html"] is not JValue { Type: JTokenType.String } htmlToken)
            {
                continue;
            }

            if (BodySections.SyntaxOf(context, section) is null) continue; // too costly or deep to parse: a resource-limit diagnostic says so

            var stored = (string)htmlToken!;
            var rendered = BodyMarkdown.RenderSection(section.Heading, section.Syntax);
            if (HtmlSpelling.Same(stored, rendered))
            {
                continue;
            }

            var storedView = ReaderView.Read(HtmlDom.Parse(stored), deriveHeadingIds: false);
            var renderedView = ReaderView.Read(HtmlDom.Parse(rendered), deriveHeadingIds: true);
            var difference = FirstDifference(storedView, renderedView);
            if (difference >= 0)
            {
                context.Report(htmlToken, Describe(section.Heading, storedView, renderedView, difference));
            }
        }
    }

    private static int FirstDifference(List<Mark> stored, List<Mark> rendered)
    {
        var count = Math.Min(stored.Count, rendered.Count);
        for (var i = 0; i < count; i++)
        {
            if (!stored[i].SameAs(rendered[i]))
            {
                return i;
            }
        }

        return stored.Count == rendered.Count ? -1 : count;
    }

    private static string Describe(string heading, List<Mark> stored, List<Mark> rendered, int at)
    {
        var anchor = at < stored.Count ? stored[at] : stored.Count > 0 ? stored[stored.Count - 1] : default;
        var where = anchor.Block is null ? string.Empty : " at " + ReaderView.PathOf(anchor.Block);
        return $"section {Quote.Q(heading)}: the stored html does not render its markdown{where}: html has {Excerpt(stored, at)}, markdown renders {Excerpt(rendered, at)}";
    }

    /// <summary>A few marks either side of the difference, with the differing one in brackets.</summary>
    private static string Excerpt(List<Mark> marks, int at)
    {
        if (at >= marks.Count)
        {
            return "nothing more";
        }

        var from = Math.Max(0, at - ContextWords);
        var to = Math.Min(marks.Count, at + ContextWords + 1);
        var parts = new List<string>(to - from);
        for (var i = from; i < to; i++)
        {
            parts.Add(i == at ? "[" + marks[i] + "]" : marks[i].ToString());
        }

        var prefix = from > 0 ? "…" : string.Empty;
        var suffix = to < marks.Count ? "…" : string.Empty;
        return Quote.Q(prefix + string.Join(" ", parts) + suffix);
    }
}
