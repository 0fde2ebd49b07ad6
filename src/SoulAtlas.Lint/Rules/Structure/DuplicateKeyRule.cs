using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Rules.Structure;

public sealed class DuplicateKeyRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DuplicateKey;

    public override void Check(RuleContext context)
    {
        foreach (var duplicate in context.Document.DuplicateKeys)
        {
            var first = duplicate.First.File.GetPosition(duplicate.First.Start);
            context.Report(duplicate.Repeated, $"key {Quote.Q(duplicate.Key)} is repeated; it was first defined at line {first.Line}, column {first.Column}, and only the last value is kept");
        }
    }
}
