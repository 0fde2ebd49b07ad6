using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Diagnostics;

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

    public override bool ReadsOnlyItsDocument => true;

    public override void Check(RuleContext context)
    {
        foreach (var section in context.Document.Sections)
        {
            if (context.OutOfTime)
            {
                return;
            }

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

            // The closer rendering (task-list checkboxes, cells split before code spans) and the
            // heading ids the site's plugin gives, before the verdict.
            rendered = BodyMarkdown.RenderHeading(section.Heading) + BodyMarkdown.RenderBodyAsSite(section.Markdown, section.Syntax);
            var storedView = ReaderView.Read(context.Caches.Html.Parse(stored), deriveHeadingIds: false);
            var renderedView = ReaderView.Read(context.Caches.Html.Parse(rendered), deriveHeadingIds: true, HeadingIds(section));
            var difference = FirstDifference(storedView, renderedView);
            if (difference >= 0)
            {
                context.Report(htmlToken, Describe(section.Heading, storedView, renderedView, difference));
            }
        }
    }

    /// <summary>The ids the site gives the section's headings: its own, then those inside it, numbered in one sequence.</summary>
    private static List<string> HeadingIds(Documents.Section section)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string> { HeadingSlugger.Numbered(HeadingSlugger.PluginSlug(section.Heading), seen) };
        foreach (var heading in Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HeadingBlock>(section.Syntax))
        {
            ids.Add(heading.Inline is { } inline ? HeadingSlugger.Numbered(HeadingSlugger.SlugOf(inline, section.Markdown), seen) : string.Empty);
        }

        return ids;
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
