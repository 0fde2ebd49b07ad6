using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Loading;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// Results of earlier runs, per occupation (a record file or a source folder), that a run may reuse
/// instead of reading and checking the occupation again (<see cref="LintRequest.Cache"/>). A result is
/// reused only when all of these are unchanged: the bytes of the occupation's files, the engine build,
/// the settings that shape results, and the answer to every question its check asked beyond its own
/// files (does slug x exist, who links here, which anchors has page y, is this date after today, …;
/// see <see cref="DependencyLog"/>). So a run over an unchanged corpus checks nothing, and an edit
/// checks the edited occupation and those whose answers it changed — its links and backlinks — and
/// the diagnostics are exactly those of a run without the cache.
/// </summary>
/// <remarks>
/// A host keeps one per corpus (the CLI saves it between processes with <see cref="ToBytes"/> and
/// <see cref="FromBytes"/>; a language server could keep it in memory). Runs may share it and overlap:
/// each reads the results as they were when it started and publishes its own when it ends.
/// </remarks>
public sealed class LintCache
{
    private CacheSnapshot? _snapshot;

    public LintCache()
    {
    }

    private LintCache(CacheSnapshot snapshot)
    {
        _snapshot = snapshot;
    }

    /// <summary>Occupations the cache holds a result (or an index entry) for.</summary>
    public int Count => Volatile.Read(ref _snapshot)?.Units.Count ?? 0;

    internal CacheSnapshot? Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The cache in soul-lint's cache file format (versioned, with a checksum).</summary>
    public byte[] ToBytes() => LintCacheFormat.Write(Snapshot ?? CacheSnapshot.Empty);

    /// <summary>Writes <see cref="ToBytes"/>'s bytes to <paramref name="output"/> without making one array of them.</summary>
    public void WriteTo(Stream output) => LintCacheFormat.Write(Snapshot ?? CacheSnapshot.Empty, output ?? throw new ArgumentNullException(nameof(output)));

    /// <summary>A cache read back from <see cref="ToBytes"/>'s bytes.</summary>
    /// <exception cref="LintCacheFormatException">
    /// The bytes are not a soul-lint cache, are damaged, or were written by another version or build
    /// of soul-lint; the message says which. Such a cache is never trusted: start with an empty one.
    /// </exception>
    public static LintCache FromBytes(byte[] bytes) => new(LintCacheFormat.Read(bytes ?? throw new ArgumentNullException(nameof(bytes))));

    /// <summary>
    /// Whether the cache knows every one of <paramref name="documents"/> at the version its host names
    /// (<see cref="Text.ContentFile.Version"/>), so that a run over them will likely reuse every result.
    /// A host may load what checking needs (<see cref="LintEngine.Prepare"/>) ahead of the run when not.
    /// </summary>
    public bool KnowsEvery(IEnumerable<Text.ContentFile> documents)
    {
        var files = Snapshot?.Files;
        if (files is null)
        {
            return false;
        }

        foreach (var document in documents ?? throw new ArgumentNullException(nameof(documents)))
        {
            if (document.SkipReason is not null)
            {
                continue;
            }

            if (document.Version is not { } version || !files.TryGetValue(document.Path, out var known) || !string.Equals(known.Version, version, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    internal void Publish(CacheSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);
}

/// <summary>Bytes that are not a usable soul-lint cache; the message says why (for a note to the user).</summary>
public sealed class LintCacheFormatException : Exception
{
    public LintCacheFormatException(string message)
        : base(message)
    {
    }
}

/// <summary>What a run did with the cache: how many occupations it reused and checked, and whether the cache changed.</summary>
public sealed class CacheUse
{
    internal CacheUse(int reused, IReadOnlyList<string> checkedPaths, int surveyed, bool changed)
    {
        Reused = reused;
        CheckedPaths = checkedPaths;
        Surveyed = surveyed;
        Changed = changed;
    }

    /// <summary>Occupations whose diagnostics came from the cache.</summary>
    public int Reused { get; }

    /// <summary>Occupations read and checked (their results were missing or out of date).</summary>
    public int Checked => CheckedPaths.Count;

    /// <summary>The record files and source folders that were checked, sorted.</summary>
    public IReadOnlyList<string> CheckedPaths { get; }

    /// <summary>Occupations whose index entry was read afresh rather than taken from the cache.</summary>
    public int Surveyed { get; }

    /// <summary>Whether the cache now holds anything it did not before (a host that saves it need not when false).</summary>
    public bool Changed { get; }

    /// <summary>
    /// Cached results whose questions (of the corpus index, and about the files of other occupations)
    /// were asked again to tell whether they still hold; the rest were known to hold without asking.
    /// </summary>
    public int Asked { get; internal init; }
}

/// <summary>The results of one run under one run key: an immutable snapshot, published whole.</summary>
internal sealed class CacheSnapshot
{
    public static readonly CacheSnapshot Empty = new(default, new Dictionary<string, CachedUnit>(StringComparer.Ordinal), new Dictionary<string, CachedFile>(StringComparer.Ordinal));

    public CacheSnapshot(CacheDigest runKey, IReadOnlyDictionary<string, CachedUnit> units, IReadOnlyDictionary<string, CachedFile> files, CacheDigest? settledKey = null)
    {
        RunKey = runKey;
        Units = units;
        Files = files;
        SettledKey = settledKey;
    }

    /// <summary>
    /// Set when every check result held was made or confirmed by one run against the index of exactly
    /// these units: the digest of what else the answers depended on (<see cref="CacheKeys.SettledKey"/>),
    /// so that a run over the same units, under the same run key and with the same such inputs, can
    /// reuse every result without asking its questions again. Null when some result was carried over
    /// unconfirmed (a unit outside a run's scope).
    /// </summary>
    public CacheDigest? SettledKey { get; }

    /// <summary>The engine build and the settings the results were made under (<see cref="CacheKeys.RunKey"/>).</summary>
    public CacheDigest RunKey { get; }

    /// <summary>By unit path (the record file or the source folder).</summary>
    public IReadOnlyDictionary<string, CachedUnit> Units { get; }

    /// <summary>The digest of each file's bytes at the version its host gave (<see cref="Text.ContentFile.Version"/>), by path.</summary>
    public IReadOnlyDictionary<string, CachedFile> Files { get; }
}

/// <summary>A file's bytes, by digest, as they were at a version its host named.</summary>
internal sealed record CachedFile(string Version, CacheDigest Content);

/// <summary>One occupation as a run left it: its files' digest, its index entry, and its check's result when it was checked.</summary>
internal sealed class CachedUnit
{
    public CachedUnit(string path, CacheDigest content, LoadOutcome outcome, CorpusEntry? entry, CachedCheck? check)
    {
        Path = path;
        Content = content;
        Outcome = outcome;
        Entry = entry;
        Check = check;
    }

    public string Path { get; }

    /// <summary>The paths, states and bytes of the unit's files.</summary>
    public CacheDigest Content { get; }

    public LoadOutcome Outcome { get; }

    /// <summary>The index entry (without the means to read anchors, which a run binds to its own documents).</summary>
    public CorpusEntry? Entry { get; }

    public CachedCheck? Check { get; }
}

/// <summary>A check's result and what it depended on.</summary>
internal sealed class CachedCheck
{
    public CachedCheck(string? slug, IReadOnlyList<Dependency> dependencies, CacheDigest answers, IReadOnlyList<CachedDiagnostic> diagnostics)
    {
        Slug = slug;
        Dependencies = dependencies;
        Answers = answers;
        Diagnostics = diagnostics;
    }

    /// <summary>The occupation's slug when it was read as one (counted in <see cref="LintResult.Occupations"/>).</summary>
    public string? Slug { get; }

    public IReadOnlyList<Dependency> Dependencies { get; }

    /// <summary>The digest of the answers the dependencies had (<see cref="CacheKeys"/>).</summary>
    public CacheDigest Answers { get; }

    public IReadOnlyList<CachedDiagnostic> Diagnostics { get; }
}

/// <summary>Where a diagnostic points: a document's text (decoded again from its bytes on reuse) or an empty stand-in.</summary>
internal sealed record CachedSource(string FullPath, string DisplayPath, bool IsDocumentText);

internal sealed record CachedEdit(CachedSource Source, int Start, int End, string NewText);

internal sealed record CachedSuggestion(string Title, IReadOnlyList<CachedEdit> Edits);

/// <summary>Everything of a <see cref="Diagnostic"/>, with its text by reference.</summary>
internal sealed record CachedDiagnostic(
    string RuleId,
    Severity Severity,
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? Slug,
    string Message,
    string? FullPath,
    int Start,
    int Length,
    CachedSource? Source,
    IReadOnlyList<CachedEdit>? Fix,
    IReadOnlyList<CachedSuggestion>? Suggestions);
