using System;

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

        context.Report(document.TitleToken, $"title {Quote.Q(title)} differs from metadata.title {Quote.Q(metadataTitle)}");
    }
}
