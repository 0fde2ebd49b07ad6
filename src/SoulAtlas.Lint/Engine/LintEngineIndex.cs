using System;
using System.Threading;
using SoulAtlas.Lint.Corpus;

namespace SoulAtlas.Lint.Engine;

public sealed partial class LintEngine
{
    /// <summary>
    /// The corpus index of <paramref name="request"/>'s documents, and through it the typed knowledge
    /// graph, as a lint run builds it, without checking any document (<c>soul-lint graph</c>).
    /// </summary>
    public CorpusIndex Index(LintRequest request, CancellationToken cancellationToken = default) =>
        new Run(this, request, cancellationToken).IndexOnly();

    private sealed partial class Run
    {
        public CorpusIndex IndexOnly()
        {
            var (units, _) = Group(_request.Documents);
            ForEach(units.Count, i => Survey(units[i]));

            return BuildIndex(units).Index;
        }
    }
}
