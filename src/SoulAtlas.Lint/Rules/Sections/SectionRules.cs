using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Rules.Sections;

/// <summary>Section rules check the canonical layout, which federated occupations do not follow (and a missing SOUL.md cannot).</summary>
public abstract class SectionLayoutRule : Rule
{
    public sealed override void Check(RuleContext context)
    {
        if (context.Document.HasBody && !context.Document.IsFederated)
        {
            CheckLayout(context, context.Contract.Sections);
        }
    }

    protected abstract void CheckLayout(RuleContext context, SectionList sectionList);

    /// <summary>Each heading's first occurrence, so a repeated section is judged once.</summary>
    protected static IEnumerable<Section> FirstOccurrences(OccupationDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return document.Sections.Where(s => seen.Add(s.Heading));
    }
}

public sealed class RequiredSectionRule : SectionLayoutRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.RequiredSection;

    protected override void CheckLayout(RuleContext context, SectionList sectionList)
    {
        var present = new HashSet<string>(context.Document.Sections.Select(s => s.Heading), StringComparer.Ordinal);
        foreach (var spec in sectionList.Sections)
        {
            if (spec.Required && !present.Contains(spec.Heading))
            {
                context.Report(context.Document.SectionsAnchor, $"required section {Quote.Q(spec.Heading)} is missing");
            }
        }
    }
}

public sealed class SectionOrderRule : SectionLayoutRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.SectionOrder;

    protected override void CheckLayout(RuleContext context, SectionList sectionList)
    {
        SectionSpec? latest = null;
        TextEdit? fix = null;
        var fixKnown = false;
        foreach (var section in FirstOccurrences(context.Document))
        {
            var spec = sectionList.Find(section.Heading);
            if (spec is null)
            {
                continue;
            }

            if (latest is not null && spec.Order < latest.Order)
            {
                // One edit orders every section; each misplaced one carries it, and it is applied once.
                if (!fixKnown)
                {
                    fix = SectionMoves.IntoCanonicalOrder(context.Document, sectionList);
                    fixKnown = true;
                }

                context.Report(section.HeadingRange, $"section {Quote.Q(spec.Heading)} comes after {Quote.Q(latest.Heading)}; the canonical order puts it before", fix);
            }
            else
            {
                latest = spec;
            }
        }
    }
}

public sealed class UnknownSectionRule : SectionLayoutRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.UnknownSection;

    protected override void CheckLayout(RuleContext context, SectionList sectionList)
    {
        foreach (var section in context.Document.Sections)
        {
            if (sectionList.Find(section.Heading) is not null)
            {
                continue;
            }

            var suggestion = Suggest(section.Heading, sectionList);
            var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q(suggestion)}?)";
            context.Report(section.HeadingRange, $"section {Quote.Q(section.Heading)} is not in the section list{hint}");
        }
    }

    private static string? Suggest(string heading, SectionList sectionList)
    {
        string? best = null;
        var bestDistance = Math.Max(2, heading.Length / 4) + 1;
        foreach (var spec in sectionList.Sections)
        {
            var d = string.Equals(spec.Heading, heading, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Corpus.EditDistance.Compute(heading.ToLowerInvariant(), spec.Heading.ToLowerInvariant(), bestDistance);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = spec.Heading;
            }
        }

        return best;
    }
}

public sealed class DuplicateSectionRule : SectionLayoutRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DuplicateSection;

    protected override void CheckLayout(RuleContext context, SectionList sectionList)
    {
        var first = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var section in context.Document.Sections)
        {
            if (first.TryGetValue(section.Heading, out var earlier))
            {
                var line = earlier.HeadingRange.File.GetPosition(earlier.HeadingRange.Start).Line;
                context.Report(section.HeadingRange, $"section {Quote.Q(section.Heading)} appears again; it was first used as section {earlier.Index + 1} (line {line})");
            }
            else
            {
                first.Add(section.Heading, section);
            }
        }
    }
}

public sealed class ThinSectionRule : SectionLayoutRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.ThinSection;

    protected override void CheckLayout(RuleContext context, SectionList sectionList)
    {
        var computed = context.Computed.Sections;
        foreach (var section in FirstOccurrences(context.Document))
        {
            var spec = sectionList.Find(section.Heading);
            var words = computed[section.Index].WordCount;
            if (spec is not null && words < spec.MinWords)
            {
                var consequence = spec.Required ? "; it does not count towards completeness" : string.Empty;
                context.Report(section.HeadingRange, $"section {Quote.Q(section.Heading)} has {words} words; the minimum is {spec.MinWords}{consequence}");
            }
        }
    }
}
