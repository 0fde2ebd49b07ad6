using System;
using System.Linq;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Identity;

/// <summary>
/// Shared titles are reported on every occupation that carries the title; a title that equals
/// another occupation's alias is reported at the alias, which is the name that has to change.
/// </summary>
public sealed class DuplicateTitleRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DuplicateTitle;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var title = CorpusIndex.TitleOf(document);
        if (title is not null)
        {
            var sharing = context.Corpus.WithTitle(title).Where(d => !SameOccupation(d, document)).Select(d => d.Slug).Distinct().ToList();
            if (sharing.Count > 0)
            {
                var range = Documents.JsonLocations.RangeOf(document.Metadata.Token("title")) ?? document.TitleRange ?? document.AnchorRange;
                context.Report(range, $"title {Quote.Q(title)} is also the title of {Quote.List(sharing)}");
            }
        }

        if (document.Metadata.Token("aliases") is not Newtonsoft.Json.Linq.JArray aliases)
        {
            return;
        }

        foreach (var alias in aliases)
        {
            if (alias.Type != Newtonsoft.Json.Linq.JTokenType.String)
            {
                continue;
            }

            var text = (string)alias!;
            var owners = context.Corpus.WithTitle(text).Where(d => !SameOccupation(d, document)).Select(d => d.Slug).Distinct().ToList();
            if (owners.Count > 0)
            {
                context.Report(alias, $"alias {Quote.Q(text)} is the title of {Quote.List(owners)}");
            }
        }
    }

    private static bool SameOccupation(CorpusEntry entry, OccupationDocument document) =>
        string.Equals(entry.Slug, document.Slug, StringComparison.Ordinal);
}
