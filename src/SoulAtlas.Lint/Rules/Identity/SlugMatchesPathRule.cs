using System;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Identity;

/// <summary>A record's slug and metadata.slug must equal its file name; a source's metadata.slug its folder name.</summary>
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

            }
        }

        // Both slugs are compared with the path, the occupation's address, so one wrong slug is one diagnostic.
        if (metadataSlug is not null && !Same(metadataSlug, document.PathSlug))
        {
            var what = document.Form == DocumentForm.Record ? $"file name {Quote.Q(document.PathSlug + ".json")}" : $"folder name {Quote.Q(document.PathSlug)}";
            context.Report(document.Metadata.Token("slug"), $"metadata.slug {Quote.Q(metadataSlug)} does not match the {what}");
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
