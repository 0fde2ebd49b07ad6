using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Links;

/// <summary>
/// Compares computed.backlinks with the backlinks recomputed from the corpus: one diagnostic per
/// slug that is listed but does not link here (at that entry) and per linking slug that is missing
/// (at the backlinks key), then one for the order if the sets agree but the order does not.
/// </summary>
public sealed class BacklinksRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.Backlinks;

    public override void Check(RuleContext context)
    {
        if (context.Document.Record?["computed"] is not JObject computed)
        {
            return;
        }

        var expected = context.Computed.Backlinks;
        var token = computed["backlinks"];
        if (token is null)
        {
            if (expected.Count > 0)
            {
                context.ReportKey(computed, $"computed.backlinks is missing; expected [{Quote.List(expected)}]", JsonEdits.InsertFirst(computed, "backlinks", JsonEdits.Strings(expected)));
            }

            return;
        }

        if (token is not JArray stored)
        {
            return;
        }

        // Every backlinks problem has the same repair: the recomputed list, built only when needed
        // (building it decodes the record's text, which a clean record never needs).
        TextEdit? fix = null;
        var fixBuilt = false;
        TextEdit? Fix()
        {
            if (!fixBuilt)
            {
                fix = JsonEdits.Replace(stored, JsonEdits.Strings(expected));
                fixBuilt = true;
            }

            return fix;
        }

        var expectedSet = new HashSet<string>(expected, StringComparer.Ordinal);
        var storedSlugs = new List<string>();
        foreach (var item in stored)
        {
            if (item.Type != JTokenType.String)
            {
                continue;
            }

            var slug = (string)item!;
            storedSlugs.Add(slug);
            if (!expectedSet.Contains(slug))
            {
                var why = context.Corpus.Contains(slug)
                    ? $"occupation {Quote.Q(slug)} does not relate to {Quote.Q(context.Document.Slug)}"
                    : $"no occupation {Quote.Q(slug)} exists in the corpus";
                context.Report(item, $"computed.backlinks lists {Quote.Q(slug)}, but {why}", Fix());
            }
        }

        var storedSet = new HashSet<string>(storedSlugs, StringComparer.Ordinal);
        foreach (var slug in expected.Where(s => !storedSet.Contains(s)))
        {
            context.ReportKey(stored, $"computed.backlinks is missing {Quote.Q(slug)}, which relates to this occupation", Fix());
        }

        if (storedSet.SetEquals(expectedSet) && !storedSlugs.SequenceEqual(expected, StringComparer.Ordinal))
        {
            context.Report(stored, "computed.backlinks is not sorted ordinally without duplicates; expected [" + Quote.List(expected) + "]", Fix());
        }
    }
}
