using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Corpus;

/// <summary>
/// What the cross-document rules need to know about the whole corpus — slugs, titles, aliases
/// and related edges — built once from one <see cref="CorpusEntry"/> per occupation and shared read-only.
/// </summary>
public sealed class CorpusIndex
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    private readonly IReadOnlyList<CorpusEntry> _entries;
    private readonly ConcurrentDictionary<string, HashSet<string>> _anchors;

    // The tables are made on first use, once, and shared by every view: a run that reuses every
    // result from the cache asks the index nothing.
    private readonly Lazy<Tables> _tables;

    // A view that logs what one check reads (see Tracking) shares every table with the index it views.
    private readonly CorpusIndex? _viewed;
    private readonly DependencyLog? _log;
    private RelationGraph? _graph;
    private bool _graphBuilt;
    private object? _graphLock;

    public CorpusIndex(IReadOnlyList<OccupationDocument> documents)
        : this(documents.Select(d => CorpusEntry.From(d)).ToList())
    {
    }

    public CorpusIndex(IReadOnlyList<CorpusEntry> entries)
    {
        _entries = entries;
        _anchors = new(StringComparer.Ordinal);
        _tables = new Lazy<Tables>(() => new Tables(entries), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Whether the site publishes the entry, as its generator finds souls: a record is published; a
    /// source folder is a soul when it holds SOUL.md and its name does not start with a dot. The links
    /// of anything else (a folder with metadata.yaml only, a hidden folder) are no edges of its graph.
    /// </summary>
    private static bool IsPublished(CorpusEntry entry) =>
        entry.Form != DocumentForm.Source
        || (Text.PathDisplay.HasFileName(entry.FullPath, Loading.SourceLoader.BodyFileName)
            && System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(entry.FullPath)) is { Length: > 0 } folder && folder[0] != '.');

    /// <summary>
    /// Mirrored folders (<c>mirrored/&lt;origin&gt;/&lt;slug&gt;/</c>) the site does not read because an
    /// authored folder (<c>souls/&lt;slug&gt;/</c>), or a mirror of an origin earlier in name order, has
    /// the same name: the generator keys souls by folder name and keeps the first it finds.
    /// </summary>
    /// <param name="entries">Every entry of the index.</param>
    /// <param name="published">Whether each entry is of a folder the site reads (<see cref="IsPublished"/>).</param>
    private static HashSet<CorpusEntry> ShadowedMirrors(IReadOnlyList<CorpusEntry> entries, bool[] published)
    {
        // Folders of one name are rare: the first of each name is kept aside, and only names met
        // again are grouped.
        var shadowed = new HashSet<CorpusEntry>();
        var first = new Dictionary<string, CorpusEntry>(entries.Count, StringComparer.Ordinal);
        Dictionary<string, List<CorpusEntry>>? repeated = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Form != DocumentForm.Source || !published[i])
            {
                continue;
            }

            if (!first.TryGetValue(entry.Slug, out var earlier))
            {
                first.Add(entry.Slug, entry);
                continue;
            }

            repeated ??= new Dictionary<string, List<CorpusEntry>>(StringComparer.Ordinal);
            if (!repeated.TryGetValue(entry.Slug, out var folders))
            {
                repeated.Add(entry.Slug, folders = new List<CorpusEntry> { earlier });
            }

            folders.Add(entry);
        }

        foreach (var folders in repeated?.Values ?? Enumerable.Empty<List<CorpusEntry>>())
        {
            // Authored first, then mirrors by origin, as the generator reads the folders.
            var kept = folders.OrderBy(e => MirrorOrigin(e) is { } origin ? "1" + origin : "0", StringComparer.Ordinal).First();
            foreach (var other in folders.Where(e => !ReferenceEquals(e, kept) && MirrorOrigin(e) is not null))
            {
                shadowed.Add(other);
            }
        }

        return shadowed;
    }

    /// <summary>The origin of a folder under <c>mirrored/&lt;origin&gt;/</c>, or null for any other.</summary>
    private static string? MirrorOrigin(CorpusEntry entry)
    {
        var folder = System.IO.Path.GetDirectoryName(entry.FullPath);
        var origin = System.IO.Path.GetDirectoryName(folder);
        return origin is not null && string.Equals(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(origin)), "mirrored", StringComparison.Ordinal)
            ? System.IO.Path.GetFileName(origin)
            : null;
    }

    private CorpusIndex(CorpusIndex viewed, DependencyLog log)
    {
        _viewed = viewed;
        _log = log;
        _entries = viewed._entries;
        _tables = viewed._tables;
        _anchors = viewed._anchors;
    }

    private Dictionary<string, List<CorpusEntry>> BySlug => _tables.Value.BySlug;

    /// <summary>One entry per occupation (a record built from a source folder is not a second one).</summary>
    public IReadOnlyList<CorpusEntry> Entries
    {
        get
        {
            _log?.Add(DependencyKind.AllEntries, string.Empty);
            return _entries;
        }
    }

    /// <summary>
    /// The same index, noting in <paramref name="log"/> every question asked of it (and of its graph):
    /// one view per check, sharing the index's tables, so checks that run at the same time keep apart logs.
    /// </summary>
    internal CorpusIndex Tracking(DependencyLog log) => new(_viewed ?? this, log);

    public bool Contains(string slug)
    {
        _log?.Add(DependencyKind.Contains, slug);
        return BySlug.ContainsKey(slug);
    }

    public IReadOnlyList<CorpusEntry> WithSlug(string slug)
    {
        _log?.Add(DependencyKind.WithSlug, slug);
        return EntriesOf(slug);
    }

    /// <summary>Entries known by <paramref name="slug"/> or whose content claims it (a source folder whose metadata.slug differs from its name).</summary>
    public IReadOnlyList<CorpusEntry> ClaimingSlug(string slug)
    {
        _log?.Add(DependencyKind.ClaimingSlug, slug);
        var known = EntriesOf(slug);
        return _tables.Value.ByClaim.TryGetValue(slug, out var claims) ? known.Concat(claims).ToList() : known;
    }

    public IReadOnlyList<CorpusEntry> WithTitle(string title)
    {
        _log?.Add(DependencyKind.WithTitle, title);
        return _tables.Value.ByTitle.TryGetValue(title.Trim(), out var list) ? list : Array.Empty<CorpusEntry>();
    }

    public IReadOnlyList<CorpusEntry> WithAlias(string alias)
    {
        _log?.Add(DependencyKind.WithAlias, alias);
        return _tables.Value.ByAlias.TryGetValue(alias.Trim(), out var list) ? list : Array.Empty<CorpusEntry>();
    }

    /// <summary>The relationship types the site draws an edge for; a related[] entry of any other type (or none) is not an edge.</summary>
    public static readonly IReadOnlyList<string> RelationshipTypes = new[] { "related", "specialization", "prerequisite", "adjacent", "collaboration", "progression" };

    public static bool IsRelationshipType(string? type) => type is not null && RelationshipTypes.Contains(type, StringComparer.Ordinal);

    /// <summary>
    /// Slugs of the occupations whose related[] names <paramref name="slug"/> with a relationship type,
    /// unique and sorted ordinally; an occupation that names itself is among them, as on the site.
    /// </summary>
    public IReadOnlyList<string> BacklinksOf(string slug)
    {
        _log?.Add(DependencyKind.Backlinks, slug);
        return _tables.Value.Backlinks.TryGetValue(slug, out var list) ? list : None;
    }

    /// <summary>
    /// The anchors of an occupation's page: its section ids and the ids of the headings inside its
    /// sections, computed on first use (most occupations are never linked to with an anchor).
    /// Empty for a slug the corpus does not hold.
    /// </summary>
    public ISet<string> AnchorsOf(string slug)
    {
        _log?.Add(DependencyKind.Anchors, slug);
        return _anchors.GetOrAdd(slug, s =>
        {
            var entries = EntriesOf(s);
            return entries.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(entries[0].ReadAnchors(), StringComparer.Ordinal);
        });
    }

    /// <summary>
    /// The typed knowledge graph of the corpus and its cycles, built on first use, once, however many
    /// documents ask for it at the same time.
    /// </summary>
    public RelationGraph Graph => LazyInitializer.EnsureInitialized(ref _graph, ref _graphBuilt, ref _graphLock, () =>
        _viewed is null ? new RelationGraph(_entries) : _viewed.Graph.Tracking(_log!))!;

    /// <summary>The title an occupation is known by: metadata.title, else the record title.</summary>
    public static string? TitleOf(OccupationDocument document) => document.Metadata.Title ?? document.Title;

    /// <summary>The existing slug closest to a misspelt one, if any is close enough to be a likely typo.</summary>
    public string? Suggest(string slug)
    {
        _log?.Add(DependencyKind.Suggest, slug);
        return EditDistance.Nearest(slug, BySlug.Keys, Math.Max(2, slug.Length / 5));
    }

    private IReadOnlyList<CorpusEntry> EntriesOf(string slug) => BySlug.TryGetValue(slug, out var list) ? list : Array.Empty<CorpusEntry>();

    /// <summary>The index's lookups: entries by slug, claimed slug, title and alias, and backlinks.</summary>
    private sealed class Tables
    {
        public Tables(IReadOnlyList<CorpusEntry> entries)
        {
            BySlug = new(entries.Count, StringComparer.Ordinal);
            ByClaim = new(StringComparer.Ordinal);
            ByTitle = new(entries.Count, StringComparer.OrdinalIgnoreCase);
            ByAlias = new(StringComparer.OrdinalIgnoreCase);
            Backlinks = new(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                Add(BySlug, entry.Slug, entry);
                var claim = entry.ClaimedSlug.Length > 0 ? entry.ClaimedSlug : entry.Slug;
                if (!string.Equals(claim, entry.Slug, StringComparison.Ordinal))
                {
                    Add(ByClaim, claim, entry);
                }

                if (entry.Title is not null)
                {
                    Add(ByTitle, entry.Title.Trim(), entry);
                }

                if (entry.Aliases.Count == 1)
                {
                    Add(ByAlias, entry.Aliases[0].Trim(), entry);
                }
                else if (entry.Aliases.Count > 1)
                {
                    foreach (var alias in entry.Aliases.Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        Add(ByAlias, alias.Trim(), entry);
                    }
                }
            }

            var published = new bool[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                published[i] = IsPublished(entries[i]);
            }

            var shadowed = ShadowedMirrors(entries, published);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (!published[i] || (shadowed.Count > 0 && shadowed.Contains(entry)))
                {
                    continue;
                }

                // As the site builds its graph: typed edges only, a self-link included (docs/parity.md).
                foreach (var target in entry.Related)
                {
                    if (!Backlinks.TryGetValue(target, out var sources))
                    {
                        sources = new List<string>(2);
                        Backlinks.Add(target, sources);
                    }

                    sources.Add(entry.Slug);
                }
            }

            // Each target's sources in ordinal order, once each.
            foreach (var sources in Backlinks.Values)
            {
                if (sources.Count > 1)
                {
                    sources.Sort(StringComparer.Ordinal);
                    var kept = 1;
                    for (var i = 1; i < sources.Count; i++)
                    {
                        if (!string.Equals(sources[i], sources[kept - 1], StringComparison.Ordinal))
                        {
                            sources[kept++] = sources[i];
                        }
                    }

                    sources.RemoveRange(kept, sources.Count - kept);
                }
            }
        }

        public Dictionary<string, List<CorpusEntry>> BySlug { get; }

        public Dictionary<string, List<CorpusEntry>> ByClaim { get; }

        public Dictionary<string, List<CorpusEntry>> ByTitle { get; }

        public Dictionary<string, List<CorpusEntry>> ByAlias { get; }

        public Dictionary<string, List<string>> Backlinks { get; }

        private static void Add(Dictionary<string, List<CorpusEntry>> map, string key, CorpusEntry entry)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<CorpusEntry>(1);
                map.Add(key, list);
            }

            list.Add(entry);
        }
    }
}

/// <summary>Levenshtein distance with an early exit once the distance reaches a bound.</summary>
public static class EditDistance
{
    /// <summary>
    /// The candidate closest to <paramref name="value"/> within <paramref name="maxDistance"/> edits
    /// (ties go to the ordinally first), or null when none is that close.
    /// </summary>
    public static string? Nearest(string value, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        var bestDistance = maxDistance + 1;
        int[]? previous = null;
        int[]? current = null;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - value.Length) >= bestDistance)
            {
                continue;
            }

            if (previous is null || previous.Length <= candidate.Length)
            {
                previous = new int[Math.Max(candidate.Length + 1, 32)];
                current = new int[previous.Length];
            }

            // One past the bound, so that a cut-off search is not mistaken for a tie.
            var d = Compute(value, candidate, bestDistance + 1, previous, current!);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best;
    }

    public static int Compute(string a, string b, int bound) => Compute(a, b, bound, new int[b.Length + 1], new int[b.Length + 1]);

    private static int Compute(string a, string b, int bound, int[] previous, int[] current)
    {
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= bound)
            {
                return bound;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
