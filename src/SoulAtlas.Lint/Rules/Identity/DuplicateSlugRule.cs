using System.Linq;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Identity;

public sealed class DuplicateSlugRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DuplicateSlug;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        // A record built from a source folder of the same slug is that occupation, not a rival.
        // A folder is known by its name; one whose metadata.slug names another slug claims that one too.
        var claimed = document.DeclaredSlug ?? document.Slug;
        var others = context.Corpus.ClaimingSlug(claimed)
            .Where(e => e.FullPath != document.PrimaryFile.FullPath && e.FullPath != document.Source?.PrimaryFile.FullPath)
            .ToList();
        if (others.Count == 0)
        {
            return;
        }

        var files = string.Join(", ", others.Select(e => e.DisplayPath));
        context.Report(document.AnchorRange, $"slug {Quote.Q(claimed)} is also claimed by {files}");
    }
}
