using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// One lint: the whole corpus as the host has it, the settings, and which files to report on.
/// Cross-document rules (links, backlinks, duplicates) see every document given; diagnostics are
/// returned for the files in <see cref="Scope"/> only, as <c>tsc</c> type-checks a whole program
/// and reports the files asked about.
/// </summary>
public sealed class LintRequest
{
    public LintRequest(IReadOnlyList<ContentFile> documents, LintSettings settings)
    {
        Documents = documents ?? throw new ArgumentNullException(nameof(documents));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>
    /// The corpus: record files (<c>*.json</c>) and the SOUL.md and metadata.yaml of source folders
    /// (a folder is the files that share a parent path). Other files are passed over.
    /// </summary>
    public IReadOnlyList<ContentFile> Documents { get; }

    public LintSettings Settings { get; }

    /// <summary>The files to report on; all documents when null.</summary>
    public LintScope? Scope { get; init; }

    /// <summary>Diagnostics name files relative to this folder (with '/' separators); as given when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Counters a host may poll to show progress.</summary>
    public LintProgress? Progress { get; init; }

    /// <summary>
    /// The host's clock for phase and rule timings (the engine reads none): time elapsed since any
    /// fixed point. Without one the result has no timings.
    /// </summary>
    public Func<TimeSpan>? Clock { get; init; }

    /// <summary>Also time each rule (reported with the phase timings; needs <see cref="Clock"/>).</summary>
    public bool MeasureRules { get; init; }

    /// <summary>
    /// Results of earlier runs to reuse where still right, and to update with this run's; none when
    /// null. A run that collects computed metadata (<see cref="LintSettings.CollectComputed"/>) neither
    /// reads nor updates it. With <see cref="MeasureRules"/>, rule times cover the occupations checked.
    /// </summary>
    public LintCache? Cache { get; init; }

    /// <summary>
    /// Whether byte-identical records are parsed once and share their document-only findings (the
    /// default); off, each is read and checked on its own, the reference the shared checks are tested against.
    /// </summary>
    internal bool ShareTwins { get; init; } = true;

    internal string Display(string path) =>
        BaseDirectory is null ? path.Replace('\\', '/') : PathDisplay.Relative(BaseDirectory, path);
}

/// <summary>Which files of a corpus a lint reports on: named files, and everything beneath named folders.</summary>
public sealed class LintScope
{
    private readonly HashSet<string> _files;
    private readonly string[] _folders;

    public LintScope(IEnumerable<string> files, IEnumerable<string> folders)
    {
        _files = new HashSet<string>(files, StringComparer.Ordinal);
        _folders = folders.ToArray();
    }

    /// <summary>Exactly these files.</summary>
    public static LintScope OfFiles(params string[] files) => new(files, Array.Empty<string>());

    /// <summary>Files named one by one: a JSON file named this way is reported on even when it is not a record.</summary>
    public IReadOnlyCollection<string> Files => _files;

    public IReadOnlyList<string> Folders => _folders;

    public bool Includes(string path)
    {
        if (_files.Contains(path))
        {
            return true;
        }

        foreach (var folder in _folders)
        {
            if (PathDisplay.IsUnder(path, folder))
            {
                return true;
            }
        }

        return false;
    }

    public bool NamesFile(string path) => _files.Contains(path);
}

/// <summary>The outcome of a run: sorted diagnostics and counts.</summary>
public sealed class LintResult
{
    public LintResult(IReadOnlyList<Diagnostic> diagnostics, int files, int occupations, long elapsedMs, IReadOnlyList<ComputedMetadata> computed, IReadOnlyList<(string Phase, double Milliseconds)>? timings = null)
    {
        Timings = timings ?? Array.Empty<(string, double)>();
        Diagnostics = diagnostics;
        Files = files;
        Occupations = occupations;
        ElapsedMs = elapsedMs;
        Computed = computed;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Files the run reports on (the documents in scope that belong to an occupation or were named).</summary>
    public int Files { get; }

    /// <summary>Occupations the run reports on (a record and its source folder are one).</summary>
    public int Occupations { get; }

    /// <summary>Wall time of the run by the host's clock (0 without one).</summary>
    public long ElapsedMs { get; }

    /// <summary>Recomputed metadata of the reported occupations, in path order (when <see cref="LintSettings.CollectComputed"/>).</summary>
    public IReadOnlyList<ComputedMetadata> Computed { get; }

    /// <summary>Wall time of each phase of the run (and of each rule, when measured).</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> Timings { get; }

    /// <summary>What the run did with <see cref="LintRequest.Cache"/>; null when it had none.</summary>
    public CacheUse? Cache { get; init; }

    /// <summary>Diagnostics at <paramref name="severity"/> (diagnostics of disabled rules, when requested, count as off).</summary>
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>The same counts with other diagnostics (after a baseline or <c>--quiet</c>).</summary>
    public LintResult WithDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        new(diagnostics, Files, Occupations, ElapsedMs, Computed, Timings) { Cache = Cache };
}
