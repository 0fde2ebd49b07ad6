using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Links;

public sealed class RelatedExistsRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.RelatedExists;

    public override void Check(RuleContext context)
    {
        foreach (var link in context.Document.Metadata.Related)
        {
            if (context.Corpus.Contains(link.Slug))
            {
                continue;
            }

            var suggestion = context.MaySuggest() ? context.Corpus.Suggest(link.Slug) : null;
            var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q(suggestion)}?)";
            context.Report(link.SlugToken, $"related slug {Quote.Q(link.Slug)} names no occupation in the corpus{hint}");
        }
    }
}

public sealed class RelatedSelfRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.RelatedSelf;

    public override void Check(RuleContext context)
    {
        var slug = context.Document.Slug;
        foreach (var link in context.Document.Metadata.Related)
        {
            if (string.Equals(link.Slug, slug, StringComparison.Ordinal))
            {
                context.Report(link.SlugToken, $"related slug {Quote.Q(link.Slug)} is this occupation itself");
            }
        }
    }
}

public sealed class RelatedDuplicateRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.RelatedDuplicate;

    public override void Check(RuleContext context)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var related = context.Document.Metadata.Related;
        for (var i = 0; i < related.Count; i++)
        {
            var link = related[i];
            if (first.TryGetValue(link.Slug, out var index))
            {
                context.Report(link.SlugToken, $"related slug {Quote.Q(link.Slug)} is listed again (first as entry {index + 1}, type {Quote.Q(related[index].Type)})");
            }
            else
            {
                first.Add(link.Slug, i);
            }
        }
    }
}

public sealed class OrphanRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.Orphan;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        if (document.Metadata.Related.Count == 0 && context.Computed.Backlinks.Count == 0)
        {
            context.Report(document.AnchorRange, $"occupation {Quote.Q(document.Slug)} relates to nothing and nothing relates to it");
        }
    }
}
