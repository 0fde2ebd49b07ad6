using System;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Rules.Identity;

/// <summary>A record's slug must equal its file name and its metadata.slug; a source's metadata.slug its folder name.</summary>
public sealed class SlugMatchesPathRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.SlugMatchesPath;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var metadataSlug = document.Metadata.Slug;
        if (document.Form == DocumentForm.Record)
        {
            if (document.Record?["slug"] is JValue { Type: JTokenType.String } slugToken)
            {
                var slug = (string)slugToken!;
                if (!Same(slug, document.PathSlug))
                {
                    context.Report(slugToken, $"slug {Quote.Q(slug)} does not match the file name {Quote.Q(document.PathSlug + ".json")}");
                }

                if (metadataSlug is not null && !Same(metadataSlug, slug))
                {
                    context.Report(document.Metadata.Token("slug"), $"metadata.slug {Quote.Q(metadataSlug)} does not match the record's slug {Quote.Q(slug)}");
                }
            }

            return;
        }

        if (metadataSlug is not null && !Same(metadataSlug, document.PathSlug))
        {
            context.Report(document.Metadata.Token("slug"), $"slug {Quote.Q(metadataSlug)} does not match the folder name {Quote.Q(document.PathSlug)}");
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
