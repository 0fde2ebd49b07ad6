using System;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Identity;

public sealed class TitleMatchesRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.TitleMatches;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var title = document.Title;
        var metadataTitle = document.Metadata.Title;
        if (title is null || metadataTitle is null || string.Equals(title, metadataTitle, StringComparison.Ordinal))
        {
            return;
        }

        var what = document.Form == DocumentForm.Record ? "title" : "SOUL.md title";
        context.Report(document.TitleRange ?? document.AnchorRange, $"{what} {Quote.Q(title)} differs from metadata.title {Quote.Q(metadataTitle)}");
    }
}
