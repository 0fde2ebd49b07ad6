using System;
using System.Collections.Generic;

namespace SoulAtlas.Lint.Corpus;

/// <summary>What a check can read beyond its own document; each kind is one question with its arguments.</summary>
public enum DependencyKind : byte
{
    /// <summary>Whether an occupation has slug <see cref="Dependency.Key"/> (<see cref="CorpusIndex.Contains"/>, <see cref="RelationGraph.Contains"/>).</summary>
    Contains = 1,

    /// <summary>The entries known by a slug.</summary>
    WithSlug = 2,

    /// <summary>The entries known by or claiming a slug.</summary>
    ClaimingSlug = 3,

    /// <summary>The entries with a title.</summary>
    WithTitle = 4,

    /// <summary>The entries with an alias.</summary>
    WithAlias = 5,

    /// <summary>The slugs that relate to a slug.</summary>
    Backlinks = 6,

    /// <summary>The section and heading ids of the page of a slug.</summary>
    Anchors = 7,

    /// <summary>The existing slug nearest to a misspelt one.</summary>
    Suggest = 8,

    /// <summary>Every entry of the index.</summary>
    AllEntries = 9,

    /// <summary>The types one soul lists another with (<see cref="Dependency.Key"/> → <see cref="Dependency.Other"/>).</summary>
    TypesBetween = 10,

    /// <summary>Whether an edge of type <see cref="Dependency.Type"/> lies on a cycle.</summary>
    OnCycle = 11,

    /// <summary>The shortest cycle through an edge of type <see cref="Dependency.Type"/>.</summary>
    CycleThrough = 12,

    /// <summary>The size of a soul's cycle group of type <see cref="Dependency.Type"/>.</summary>
    CycleGroupSize = 13,

    /// <summary>The whole knowledge graph (any read of it not answered by one of the kinds above).</summary>
    WholeGraph = 14,

    /// <summary>Whether a date (<see cref="Dependency.Key"/>, in ticks) is after the settings' today, and which day that is.</summary>
    Today = 15,

    /// <summary>The source folder a record of slug <see cref="Dependency.Key"/> is checked against.</summary>
    SourceOf = 16,
}

/// <summary>One question a check asked: a kind and up to three arguments.</summary>
public sealed record Dependency(DependencyKind Kind, string Key, string? Other = null, string? Type = null);

/// <summary>
/// The questions one document's check asked of anything but its own text — the corpus index, the
/// knowledge graph, today's date, the source folder of a record — in the order first asked, each
/// once. A check's diagnostics are a function of its document, the settings and the answers to
/// these questions; so a result is still right when every question, asked again of a newer corpus,
/// gets the same answer (the result cache of <c>--cache</c> relies on this).
/// </summary>
/// <remarks>One log per check; a check runs on one thread, so the log takes no lock.</remarks>
public sealed class DependencyLog
{
    private readonly HashSet<Dependency> _seen = new();
    private readonly List<Dependency> _order = new();

    /// <summary>The questions, in the order first asked.</summary>
    public IReadOnlyList<Dependency> Dependencies => _order;

    /// <summary>
    /// The check stopped before it was done (its time budget ran out): its result depends on the
    /// machine's speed as well as on its answers, so it must not be kept.
    /// </summary>
    public bool Incomplete { get; set; }

    public void Add(DependencyKind kind, string key, string? other = null, string? type = null)
    {
        var dependency = new Dependency(kind, key ?? throw new ArgumentNullException(nameof(key)), other, type);
        if (_seen.Add(dependency))
        {
            _order.Add(dependency);
        }
    }
}
