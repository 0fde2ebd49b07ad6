using System;
using System.Collections.Generic;
using Markdig.Syntax;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Computation;

/// <summary>
/// The ids a published page answers to: each section's heading id, and the ids of the headings
/// inside the section, numbered when repeated within the section, which the site renders on its own.
/// </summary>
public static class PageAnchors
{
    public static HashSet<string> Of(OccupationDocument document)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in document.Sections)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            anchors.Add(HeadingSlugger.Numbered(HeadingSlugger.Slug(section.Heading), seen));
            foreach (var heading in section.Syntax.Descendants<HeadingBlock>())
            {
                if (heading.Inline is { } inline)
                {
                    anchors.Add(HeadingSlugger.Numbered(HeadingSlugger.SlugOf(inline, section.Markdown), seen));
                }
            }
        }

        return anchors;
    }
}
