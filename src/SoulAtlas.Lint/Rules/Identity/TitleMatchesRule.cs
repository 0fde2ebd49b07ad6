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
        if (title is null && document.Form == DocumentForm.Source && document.HasBody)
        {
            // The site falls back to metadata.title, then to the slug: the page builds, under a name the contributor never wrote in SOUL.md.
            var shown = metadataTitle is null ? $"the slug {Quote.Q(document.Slug)}" : $"metadata.title {Quote.Q(metadataTitle)}";
            context.Report(Text.SourceRange.At(document.PrimaryFile, 0), $"SOUL.md has no \"# Title\" line (a line starting with \"# \"), so the page is titled from {shown}; add \"# {metadataTitle ?? "Title"}\" as its first line");
            return;
        }

        if (title is null || metadataTitle is null || string.Equals(title, metadataTitle, StringComparison.Ordinal))
        {
            return;
        }

        var what = document.Form == DocumentForm.Record ? "title" : "SOUL.md title";
        context.Report(document.TitleRange ?? document.AnchorRange, $"{what} {Quote.Q(title)} differs from metadata.title {Quote.Q(metadataTitle)}");
    }
}
