using System.Linq;

namespace SoulAtlas.Lint.Rules.Identity;

public sealed class DuplicateSlugRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DuplicateSlug;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var others = context.Corpus.WithSlug(document.Slug).Where(d => !ReferenceEquals(d, document)).ToList();
        if (others.Count == 0)
        {
            return;
        }

        var files = string.Join(", ", others.Select(d => d.PrimaryFile.DisplayPath));
        context.Report(document.AnchorRange, $"slug {Quote.Q(document.Slug)} is also claimed by {files}");
    }
}
