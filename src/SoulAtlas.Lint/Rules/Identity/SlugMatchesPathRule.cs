using System;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Fixing;

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
            var token = document.Metadata.Token("slug");

            // In the folder contributors edit, the folder name is the address and the slug follows it
            // (a record is rebuilt from its folder). A folder name that is no slug is not copied.
            var fix = document.Form == DocumentForm.Source && IsSlug(document.PathSlug) ? YamlEdits.ReplaceScalar(token, document.PathSlug) : null;
            context.Report(token, $"metadata.slug {Quote.Q(metadataSlug)} does not match the {what}", fix);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>The schema's slug pattern, <c>^[a-z0-9]+(?:-[a-z0-9]+)*$</c>.</summary>
    internal static bool IsSlug(string value)
    {
        if (value.Length == 0 || value[0] == '-' || value[^1] == '-' || value.IndexOf("--", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
