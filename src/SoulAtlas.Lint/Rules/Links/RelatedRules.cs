using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Text;

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
            var message = $"related slug {Quote.Q(link.Slug)} names no occupation in the corpus{hint}";
            var edit = suggestion is null ? null
                : context.Document.Form == DocumentForm.Source ? YamlEdits.ReplaceScalar(link.SlugToken, suggestion)
                : JsonEdits.Replace(link.SlugToken, new JValue(suggestion));
            if (edit is { } replace)
            {
                context.Report(link.SlugToken, message, new[] { new Suggestion($"Replace {Quote.Q(link.Slug)} with {Quote.Q(suggestion)}", new[] { replace }) });
            }
            else
            {
                context.Report(link.SlugToken, message);
            }
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
                // A link to the page itself says nothing: the entry goes, note and all.
                context.Report(link.SlugToken, $"related slug {Quote.Q(link.Slug)} is this occupation itself", RelatedEdits.Remove(context, link));
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
            if (!first.TryGetValue(link.Slug, out var index))
            {
                first.Add(link.Slug, i);
                continue;
            }

            var message = $"related slug {Quote.Q(link.Slug)} is listed again (first as entry {index + 1}, type {Quote.Q(related[index].Type)})";
            var removal = RelatedEdits.Remove(context, link);
            if (removal is null)
            {
                context.Report(link.SlugToken, message);
            }
            else if (RelatedEdits.AddsNothing(link, related[index]))
            {
                context.Report(link.SlugToken, message, removal);
            }
            else
            {
                // This entry says something the first does not (another type, a note): which to keep is the author's call.
                context.Report(link.SlugToken, message, new[] { new Suggestion($"Remove this entry (type {Quote.Q(link.Type)}) and keep entry {index + 1} (type {Quote.Q(related[index].Type)})", removal) });
            }
        }
    }
}

/// <summary>Removing a related entry from the metadata.yaml contributors edit.</summary>
internal static class RelatedEdits
{
    /// <summary>The edits that remove <paramref name="link"/>'s entry; null for a record (rebuilt from its folder) or where no safe edit exists.</summary>
    public static IReadOnlyList<TextEdit>? Remove(RuleContext context, RelatedLink link) =>
        context.Document.Form == DocumentForm.Source && link.Entry is { } entry ? YamlEdits.RemoveItem(entry) : null;

    /// <summary>Whether every field of <paramref name="later"/> is also in <paramref name="earlier"/>, with the same value.</summary>
    public static bool AddsNothing(RelatedLink later, RelatedLink earlier) =>
        later.Entry is { } a && earlier.Entry is { } b && a.Properties().All(p => JToken.DeepEquals(p.Value, b[p.Name]));
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
