using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Rules.Graph;

/// <summary>
/// What the graph rules share: the related[] entries of the checked document, each reported at the
/// entry itself (the YAML mapping or JSON object), and the corpus graph, built once per run.
/// </summary>
internal static class GraphEntries
{
    /// <summary>The entry (mapping or object) that holds a related link's slug.</summary>
    public static Newtonsoft.Json.Linq.JToken EntryOf(RelatedLink link) => link.SlugToken.Parent?.Parent ?? link.SlugToken;

    /// <summary>Related entries of <paramref name="type"/> that name another soul of the graph.</summary>
    public static IEnumerable<RelatedLink> Links(RuleContext context, string? type = null) =>
        context.Document.Metadata.Related.Where(link =>
            (type is null || string.Equals(link.Type, type, StringComparison.Ordinal))
            && !string.Equals(link.Slug, context.Document.Slug, StringComparison.Ordinal)
            && context.Corpus.Graph.Contains(link.Slug));

    public static string Chain(IReadOnlyList<string> cycle) => string.Join(" → ", cycle);
}

/// <summary>Reports every specialization or prerequisite entry that lies on a cycle of entries of its type.</summary>
public abstract class CycleRule : Rule
{
    protected abstract string Type { get; }

    public override void Check(RuleContext context)
    {
        var graph = context.Corpus.Graph;
        var slug = context.Document.Slug;
        foreach (var link in GraphEntries.Links(context, Type))
        {
            if (!graph.OnCycle(Type, slug, link.Slug))
            {
                continue;
            }

            var cycle = graph.CycleThrough(Type, slug, link.Slug);
            var chain = cycle is null
                ? $"{slug} → {link.Slug} → … → {slug}, one of the cycles among {graph.CycleGroupSize(Type, slug).ToString(CultureInfo.InvariantCulture)} souls that all reach each other"
                : GraphEntries.Chain(cycle);
            context.Report(GraphEntries.EntryOf(link), Message(slug, link.Slug, chain, cycle?.Count == 3));
        }
    }

    protected abstract string Message(string slug, string other, string chain, bool mutual);
}

public sealed class SpecializationCycleRule : CycleRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.SpecializationCycle;

    protected override string Type => RelationGraph.Specialization;

    protected override string Message(string slug, string other, string chain, bool mutual) => mutual
        ? $"specialization cycle {chain}: {Quote.Q(other)} is listed as a specialization of {Quote.Q(slug)} and lists {Quote.Q(slug)} as its own; two roles cannot each be a narrower variant of the other"
        : $"specialization cycle {chain}: {Quote.Q(other)} is listed as a specialization of {Quote.Q(slug)}, and the chain of specializations leads back to {Quote.Q(slug)}, which would be narrower than itself";
}

public sealed class PrerequisiteCycleRule : CycleRule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.PrerequisiteCycle;

    protected override string Type => RelationGraph.Prerequisite;

    protected override string Message(string slug, string other, string chain, bool mutual) => mutual
        ? $"prerequisite cycle {chain}: {Quote.Q(slug)} needs {Quote.Q(other)} first, and {Quote.Q(other)} needs {Quote.Q(slug)} first; neither can be mastered before the other"
        : $"prerequisite cycle {chain}: {Quote.Q(slug)} needs {Quote.Q(other)} first, and the chain of prerequisites leads back to {Quote.Q(slug)}, which would have to be mastered before itself";
}

/// <summary>
/// The table of contradictions (docs/rules/contradictory-relation.md): pairs of types that the two
/// souls of a pair cannot both give their entries for each other. Mutual specializations and mutual
/// prerequisites are cycles and left to the cycle rules, so a pair is reported by one rule.
/// </summary>
public sealed class ContradictoryRelationRule : Rule
{
    private static readonly Dictionary<(string Here, string There), string> Contradictions = new()
    {
        [("specialization", "adjacent")] = "a narrower variant nested inside this role cannot also be a neighbour that sits beside it",
        [("adjacent", "specialization")] = "a neighbour that sits beside this role cannot also be a wider role this one is nested inside",
    };

    public override RuleDescriptor Descriptor => RuleCatalogue.ContradictoryRelation;

    public override void Check(RuleContext context)
    {
        var graph = context.Corpus.Graph;
        var slug = context.Document.Slug;
        foreach (var link in GraphEntries.Links(context))
        {
            if (link.Type is null)
            {
                continue;
            }

            foreach (var back in graph.TypesBetween(link.Slug, slug).Distinct())
            {
                if (back is not null && Contradictions.TryGetValue((link.Type, back), out var why))
                {
                    context.Report(
                        GraphEntries.EntryOf(link),
                        $"{Quote.Q(slug)} lists {Quote.Q(link.Slug)} as {link.Type}, but {Quote.Q(link.Slug)} lists {Quote.Q(slug)} as {back} ({slug} —{link.Type}→ {link.Slug} —{back}→ {slug}): {why}");
                }
            }
        }
    }
}

/// <summary>A relation the other soul does not answer at all: a hint for editors (off by default).</summary>
public sealed class OneSidedRelationRule : Rule
{
    private static readonly Dictionary<string, string> Inverse = new(StringComparer.Ordinal)
    {
        ["related"] = "related",
        ["adjacent"] = "adjacent",
        ["collaboration"] = "collaboration",
        ["progression"] = "progression",
        ["specialization"] = "progression or related",
        ["prerequisite"] = "progression or related",
    };

    public override RuleDescriptor Descriptor => RuleCatalogue.OneSidedRelation;

    public override void Check(RuleContext context)
    {
        var graph = context.Corpus.Graph;
        var slug = context.Document.Slug;
        foreach (var link in GraphEntries.Links(context))
        {
            if (link.Type is not null && Inverse.TryGetValue(link.Type, out var inverse) && graph.TypesBetween(link.Slug, slug).Count == 0)
            {
                context.Report(
                    GraphEntries.EntryOf(link),
                    $"{Quote.Q(slug)} lists {Quote.Q(link.Slug)} as {link.Type}, but {Quote.Q(link.Slug)} does not mention {Quote.Q(slug)} (expected as {inverse})");
            }
        }
    }
}
