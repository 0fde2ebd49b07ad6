using System;
using System.Collections.Generic;
using System.Linq;
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

            // As in a lint run: a record whose slug also has a source folder is that folder's build output.
            var sources = new HashSet<string>(units.Where(u => u.IsSource && u.Entry is not null).Select(u => u.Entry!.Slug), StringComparer.Ordinal);
            return new CorpusIndex(units.Where(u => u.Entry is not null && (u.IsSource || !sources.Contains(u.Entry.Slug))).Select(u => u.Entry!).ToList());
        }
    }
}
