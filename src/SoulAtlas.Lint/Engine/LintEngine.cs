using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// The engine every host shares. It lints a corpus handed to it as documents (path and bytes),
/// reads no file, environment variable or clock, and keeps what it builds once (the built-in
/// contract, compiled schemas, parsers, each unchanged document's index entry) for the next run.
/// A host creates one and reuses it; runs may overlap.
/// </summary>
/// <remarks>
/// A run: group the documents into occupations (a record file, or a folder's SOUL.md and
/// metadata.yaml) → take each one's index entry (a streaming scan of a record; a source folder is
/// small and read in full) → build the corpus index → for the occupations in scope, parse, recompute
/// the metadata and run the rules → resolve locations and sort. Each document's bytes are read by
/// the host once; a record is scanned for the index and parsed in full only while it is checked,
/// and its tree is dropped after, so memory holds the corpus's bytes but never all its trees.
/// </remarks>
public sealed partial class LintEngine
{
    private readonly Lazy<ContentContract> _defaultContract;
    private readonly string _defaultContractIdentity;
    private readonly ConditionalWeakTable<ContentFile, SurveyCache> _surveys = new();

    public LintEngine()
        : this(null)
    {
    }

    /// <param name="defaultContract">The contract for settings that name none; the built-in one, loaded on first use, when null.</param>
    public LintEngine(ContentContract? defaultContract)
    {
        _defaultContract = defaultContract is null
            ? new Lazy<ContentContract>(ContentContract.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication)
            : new Lazy<ContentContract>(() => defaultContract);

        // The built-in contract is part of the engine build, which the cache keys on anyway.
        _defaultContractIdentity = defaultContract?.Identity ?? "built-in";
    }

    /// <summary>What the rules keep between runs.</summary>
    public RuleCaches Caches { get; } = new();

    /// <summary>The contract in force for <paramref name="settings"/>.</summary>
    public ContentContract ContractFor(LintSettings settings) => settings.CustomContract ?? _defaultContract.Value;

    /// <summary>Loads and compiles what a first run needs (the contract's schemas); a host may call it early, on another thread.</summary>
    public void Prepare(LintSettings settings)
    {
        var contract = ContractFor(settings);
        Caches.CompiledFor(contract.OccupationSchema);
        Caches.CompiledFor(contract.MetadataSchema);
    }

    /// <summary>Lints <paramref name="request"/>'s corpus.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no work of the run goes on after this is thrown.</exception>
    public LintResult Lint(LintRequest request, CancellationToken cancellationToken = default) =>
        new Run(this, request, cancellationToken).Execute();

    /// <summary>
    /// Lints, applies the repairs in memory and lints the repaired text again (a repair can make
    /// another value stale or another repair possible), for a bounded number of passes. Each
    /// diagnostic's fix is applied whole or not at all; one that overlaps a fix already taken waits
    /// for the next pass. Suggestions are never applied. Nothing is written: the host writes
    /// <see cref="FixOutcome.Changed"/>.
    /// </summary>
    public FixOutcome Fix(LintRequest request, CancellationToken cancellationToken = default)
    {
        var documents = request.Documents.ToList();
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            byPath[documents[i].Path] = i;
        }

        var original = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var applied = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = Lint(request, cancellationToken);
        for (var pass = 0; pass < FixOutcome.MaxPasses; pass++)
        {
            var any = false;

            // A fix's edits all lie in one file, the one it is grouped under here.
            var fixes = result.Diagnostics
                .Where(d => d.Fix is not null)
                .Select(d => d.Fix!)
                .Where(f => f.All(e => string.Equals(e.Range.File.FullPath, f[0].Range.File.FullPath, StringComparison.Ordinal)));
            foreach (var file in fixes.GroupBy(f => f[0].Range.File.FullPath, StringComparer.Ordinal))
            {
                var source = file.First()[0].Range.File;
                if (!byPath.TryGetValue(file.Key, out var index))
                {
                    continue;
                }

                var (text, mark, count) = Fixing.EditApplier.Apply(source.Text, source.HasByteOrderMark, file);
                if (count == 0 || (mark == source.HasByteOrderMark && string.Equals(text, source.Text, StringComparison.Ordinal)))
                {
                    continue;
                }

                // The whole file as text, a byte-order mark as U+FEFF (as ContentFile.FromText reads it).
                var whole = (mark ? "\uFEFF" : string.Empty) + text;
                if (!original.ContainsKey(file.Key))
                {
                    original[file.Key] = (source.HasByteOrderMark ? "\uFEFF" : string.Empty) + source.Text;
                }

                changed[file.Key] = whole;
                applied[file.Key] = (applied.TryGetValue(file.Key, out var before) ? before : 0) + count;
                documents[index] = ContentFile.FromText(file.Key, whole);
                any = true;
            }

            if (!any)
            {
                break;
            }

            result = Lint(new LintRequest(documents, request.Settings) { Scope = request.Scope, BaseDirectory = request.BaseDirectory, Clock = request.Clock }, cancellationToken);
        }

        // Passes that end where they began change nothing.
        foreach (var path in changed.Keys.Where(p => string.Equals(changed[p], original[p], StringComparison.Ordinal)).ToList())
        {
            changed.Remove(path);
            applied.Remove(path);
            original.Remove(path);
        }

        return new FixOutcome(result, applied.Values.Sum(), changed)
        {
            Original = original,
            AppliedByFile = applied,
        };
    }

    /// <summary>A record file or a source folder, and what is known of it so far.</summary>
    private sealed class Unit
    {
        public Unit(string path, ContentFile? record, ContentFile? body, ContentFile? metadata)
        {
            Path = path;
            Record = record;
            Body = body;
            Metadata = metadata;
            Paths = record is not null ? new[] { record.Path }
                : body is null ? new[] { metadata!.Path }
                : metadata is null ? new[] { body.Path }
                : new[] { body.Path, metadata.Path };
        }

        /// <summary>The record file, or the source folder.</summary>
        public string Path { get; }

        public ContentFile? Record { get; }

        public ContentFile? Body { get; }

        public ContentFile? Metadata { get; }

        public bool IsSource => Record is null;

        /// <summary>The documents of the unit.</summary>
        public IReadOnlyList<string> Paths { get; }

        public LoadOutcome Outcome { get; set; }

        public CorpusEntry? Entry { get; set; }

        /// <summary>The digest of the unit's files, when the run has a result cache and the files could be read.</summary>
        public CacheDigest? Digest { get; set; }

        /// <summary>The result cache's record of the unit, when its files are as they were then.</summary>
        public CachedUnit? Cached { get; set; }

        /// <summary>The document the cache keys the unit's survey on.</summary>
        public ContentFile Key => Record ?? Body ?? Metadata!;

        /// <summary>A record another record shares its file name and length with: its survey digests it whole.</summary>
        public bool MayHaveTwin { get; set; }

        /// <summary>The digest of the record's bytes, when it may have a twin.</summary>
        public CacheDigest? TwinDigest { get; set; }

        /// <summary>The first record (in path order) whose bytes are this one's, when it is not that one.</summary>
        public Unit? Twin { get; set; }

        /// <summary>Whether later records' bytes are this one's.</summary>
        public bool HasTwins { get; set; }

        /// <summary>The first record of this record's set of byte-identical records; null when it has no twin.</summary>
        public Unit? TwinSet => Twin ?? (HasTwins ? this : null);
    }

    /// <summary>A unit's survey, kept with its document for as long as the host keeps that document.</summary>
    private sealed class SurveyCache
    {
        public SurveyCache(ContentFile? partner, string display, LoadLimits limits, LoadOutcome outcome, CorpusEntry? entry)
        {
            Partner = partner;
            Display = display;
            Limits = limits;
            Outcome = outcome;
            Entry = entry;
        }

        public ContentFile? Partner { get; }

        public string Display { get; }

        public LoadLimits Limits { get; }

        public LoadOutcome Outcome { get; }

        public CorpusEntry? Entry { get; }
    }

    private sealed partial class Run
    {
        private readonly LintEngine _engine;
        private readonly LintRequest _request;
        private readonly LintSettings _settings;
        private ContentContract? _contract;
        private readonly CancellationToken _cancellation;
        private readonly long[] _ruleTicks = new long[RuleSet.DocumentRules.Count];
        private readonly LintScope? _scope;

        /// <summary>Buffers for bytes needed only for a moment (digests).</summary>
        internal ReadBuffers Buffers { get; } = new();

        public Run(LintEngine engine, LintRequest request, CancellationToken cancellation)
        {
            _engine = engine;
            _request = request;
            _settings = request.Settings;
            _cancellation = cancellation;
            _scope = request.Scope;
        }

        public LintResult Execute()
        {
            _cancellation.ThrowIfCancellationRequested();
            var clock = _request.Clock;
            var started = clock?.Invoke() ?? TimeSpan.Zero;
            var lapStarted = started;
            var timings = new List<(string, double)>();
            void Lap(string phase)
            {
                if (clock is not null)
                {
                    var now = clock();
                    timings.Add((phase, (now - lapStarted).TotalMilliseconds));
                    lapStarted = now;
                }
            }

            var (units, notes) = Group(_request.Documents);
            var progress = _request.Progress;
            var cache = _request.Cache is { } kept && !_settings.CollectComputed ? CacheRun.Open(this, kept, units) : null;
            if (cache is not null)
            {
                Lap("read and hash for the cache");
            }

            // The index is built from a quick look at every unit; each document is parsed in full only
            // while it is checked, and dropped after. Memory holds no parsed corpus, and documents die
            // young, which the garbage collector handles far more cheaply than a corpus kept alive.
            progress?.AddTotal(units.Count);
            if (_request.ShareTwins)
            {
                MarkTwinCandidates(units, _settings.Limits.MaxFileBytes);
            }

            ForEach(units.Count, i =>
            {
                if (cache?.TrySurvey(units[i]) != true)
                {
                    Survey(units[i]);
                }

                progress?.Step();
            });
            Lap("scan for the index");
            FindTwins(units);

            var (index, sourcesBySlug) = BuildIndex(units);
            cache?.Bind(index, sourcesBySlug);
            // Each record's folder, made once: folders that hold an occupation record.
            var folderOf = new string?[units.Count];
            var recordFolders = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < units.Count; i++)
            {
                if (!units[i].IsSource)
                {
                    folderOf[i] = Path.GetDirectoryName(units[i].Path) ?? string.Empty;
                    if (units[i].Outcome == LoadOutcome.Occupation)
                    {
                        recordFolders.Add(folderOf[i]!);
                    }
                }
            }

            var reported = new List<Unit>(units.Count);
            for (var i = 0; i < units.Count; i++)
            {
                var unit = units[i];
                if (!InScope(unit))
                {
                    continue;
                }

                var explicitlyNamed = _scope is null || _scope.NamesFile(unit.Path);
                var inRecordFolder = folderOf[i] is { } folder && recordFolders.Contains(folder);
                if (unit.IsSource || unit.Outcome == LoadOutcome.Occupation || explicitlyNamed || inRecordFolder)
                {
                    reported.Add(unit);
                }
            }

            Lap("index");
            var perUnit = new List<Diagnostic>[reported.Count];
            var computed = new ComputedMetadata?[reported.Count];
            var checkedSlugs = new string?[reported.Count];
            progress?.AddTotal(reported.Count);
            var order = cache?.CheckFirst(reported);
            var groups = CheckGroups(reported, order, sourcesBySlug);
            ForEach(groups.Count, g =>
            {
                // A source folder is read once for its own check and those of its records, which
                // compare against it, and byte-identical records are parsed once; the group is checked
                // on one thread, so no document is used from two.
                var (folder, members) = groups[g];
                LoadedFile? shared = null;
                Dictionary<Unit, LoadedFile>? twinParses = null;
                LoadedFile LoadOnce(Unit unit) => ReferenceEquals(unit, folder) ? shared ??= Load(unit) : LoadRecord(unit, ref twinParses);
                foreach (var i in members)
                {
                    var unit = reported[i];
                    if (cache is not null && cache.TryReuse(unit, out var reused, out var slug))
                    {
                        (perUnit[i], checkedSlugs[i]) = (reused, slug);
                        progress?.Step();
                        continue;
                    }

                    var log = cache?.LogFor(unit);
                    var loaded = LoadOnce(unit);
                    if (loaded.Document is { Form: DocumentForm.Record } record)
                    {
                        log?.Add(DependencyKind.SourceOf, record.Slug);
                        if (sourcesBySlug.TryGetValue(record.Slug, out var source))
                        {
                            record.AttachSource(LoadOnce(source).Document);
                        }
                    }

                    (perUnit[i], computed[i]) = Check(loaded, index, log, unit);
                    checkedSlugs[i] = computed[i]?.Slug;
                    cache?.Store(unit, perUnit[i], checkedSlugs[i], log);
                    if (!_settings.CollectComputed)
                    {
                        computed[i] = null;
                    }

                    progress?.Step();
                }
            });
            Lap("compute and check");

            var diagnostics = perUnit.SelectMany(d => d).Concat(notes.SelectMany(Note)).Where(d => d.FullPath is null || InScope(d.FullPath)).ToList();
            diagnostics.Sort(DiagnosticOrder.Instance);
            Lap("filter and sort");
            var cacheUse = cache?.Publish();
            if (cache is not null)
            {
                Lap("update the cache");
            }

            if (_request.MeasureRules && clock is not null)
            {
                // CPU time summed over threads, slowest first, as ESLint's TIMING lists rules.
                timings.AddRange(RuleSet.DocumentRules
                    .Select((rule, r) => ("rule " + rule.Descriptor.Name, TimeSpan.FromTicks(_ruleTicks[r]).TotalMilliseconds))
                    .Where(t => t.Item2 > 0)
                    .OrderByDescending(t => t.Item2));
            }

            var files = reported.SelectMany(u => u.Paths).Where(InScope).Distinct(StringComparer.Ordinal).Count();
            return new LintResult(
                diagnostics,
                files,
                checkedSlugs.Where(s => s is not null).Distinct(StringComparer.Ordinal).Count(),
                clock is null ? 0 : (long)(clock() - started).TotalMilliseconds,
                computed.Where(c => c is not null).Select(c => c!).ToList(),
                timings)
            {
                Cache = cacheUse,
            };
        }

        /// <summary>
        /// The units to check in groups, in <paramref name="order"/> (of first members): a source
        /// folder with the records of its slug, every other unit alone. The group's folder is null
        /// when it has none.
        /// </summary>
        private static List<CheckGroup> CheckGroups(List<Unit> reported, int[]? order, Dictionary<string, Unit> sourcesBySlug)
        {
            var groups = new List<CheckGroup>();
            var byFolder = new Dictionary<Unit, List<int>>();
            for (var k = 0; k < reported.Count; k++)
            {
                var i = order?[k] ?? k;
                var unit = reported[i];
                var folder = unit.IsSource ? unit
                    : unit.Entry is { } entry && sourcesBySlug.TryGetValue(entry.Slug, out var source) ? source
                    : null;

                // Byte-identical records without a folder are checked together, so they are parsed once.
                var key = folder ?? unit.TwinSet;
                if (key is null)
                {
                    groups.Add(new CheckGroup(null, new List<int> { i }));
                    continue;
                }

                if (!byFolder.TryGetValue(key, out var members))
                {
                    byFolder.Add(key, members = new List<int>());
                    groups.Add(new CheckGroup(folder, members));
                }

                members.Add(i);
            }

            return groups;
        }

        /// <summary>Units checked together on one thread (a class, as generic collections of tuples are code the ReadyToRun image lacks).</summary>
        private sealed record CheckGroup(Unit? Folder, List<int> Members);

        /// <summary>The contract in force, loaded on first use (a run that reuses every result never needs it).</summary>
        private ContentContract Contract => _contract ??= _engine.ContractFor(_settings);

        /// <summary>
        /// The corpus index of surveyed units, and the source folders by slug. A record whose slug also
        /// has a source folder is that occupation's build output: it is checked against the folder and
        /// left out of the index.
        /// </summary>
        private static (CorpusIndex Index, Dictionary<string, Unit> SourcesBySlug) BuildIndex(List<Unit> units)
        {
            var sourcesBySlug = new Dictionary<string, Unit>(StringComparer.Ordinal);
            foreach (var unit in units.Where(u => u.IsSource && u.Entry is not null))
            {
                if (!sourcesBySlug.ContainsKey(unit.Entry!.Slug))
                {
                    sourcesBySlug.Add(unit.Entry.Slug, unit);
                }
            }

            var index = new CorpusIndex(units
                .Where(u => u.Entry is not null && (u.IsSource || !sourcesBySlug.ContainsKey(u.Entry.Slug)))
                .Select(u => u.Entry!)
                .ToList());
            return (index, sourcesBySlug);
        }

        private bool InScope(string path) => _scope is null || _scope.Includes(path);

        /// <summary>Whether any of the unit's files is in scope.</summary>
        private bool InScope(Unit unit)
        {
            if (_scope is null)
            {
                return true;
            }

            foreach (var path in unit.Paths)
            {
                if (_scope.Includes(path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A diagnostic on a path the host passed over (information) or could not read (an error),
        /// where the path is no document of its own (a folder, a link, a FIFO).
        /// </summary>
        private IEnumerable<Diagnostic> Note(ContentFile file)
        {
            var source = new SourceFile(file.Path, _request.Display(file.Path), string.Empty);
            var (rule, severity, message) = file.SkipReason is { } reason
                ? (RuleCatalogue.ResourceLimit, Severity.Info, reason)
                : (RuleCatalogue.InvalidEncoding, Severity.Error, "cannot be read: " + file.ReadError);
            var effective = _settings.SeverityOf(rule, severity);
            if (effective != Severity.Off || _settings.RunDisabledRules)
            {
                yield return Diagnostic.At(rule, effective, SourceRange.At(source, 0), null, message);
            }
        }

        /// <summary>One unit per record file and per source folder, in path order; and the paths passed over.</summary>
        private static (List<Unit> Units, List<ContentFile> Notes) Group(IReadOnlyList<ContentFile> documents)
        {
            // Plain dictionaries sorted once at the end: sorted ones over key-value pairs are generic code the
            // ReadyToRun build would compile at run time (about a hundred methods).
            var records = new Dictionary<string, ContentFile>(documents.Count, StringComparer.Ordinal);
            var folders = new Dictionary<string, ContentFile?[]>(documents.Count / 2, StringComparer.Ordinal);
            var notes = new List<ContentFile>();
            foreach (var document in documents)
            {
                if (document.SkipReason is not null)
                {
                    notes.Add(document);
                    continue;
                }

                var isBody = PathDisplay.HasFileName(document.Path, SourceLoader.BodyFileName);
                if (isBody || PathDisplay.HasFileName(document.Path, SourceLoader.MetadataFileName))
                {
                    var folder = Path.GetDirectoryName(document.Path) ?? string.Empty;
                    if (!folders.TryGetValue(folder, out var pair))
                    {
                        pair = new ContentFile?[2];
                        folders.Add(folder, pair);
                    }

                    pair[isBody ? 0 : 1] = document;
                }
                else if (document.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    records[document.Path] = document;
                }
                else if (document.ReadError is not null)
                {
                    notes.Add(document);
                }
            }

            var recordPaths = records.Keys.ToArray();
            Array.Sort(recordPaths, StringComparer.Ordinal);
            var folderPaths = folders.Keys.ToArray();
            Array.Sort(folderPaths, StringComparer.Ordinal);
            var units = new List<Unit>(recordPaths.Length + folderPaths.Length);
            foreach (var path in recordPaths)
            {
                units.Add(new Unit(path, records[path], null, null));
            }

            foreach (var path in folderPaths)
            {
                var pair = folders[path];
                units.Add(new Unit(path, null, pair[0], pair[1]));
            }

            notes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return (units, notes);
        }

        /// <summary>
        /// First look at a unit: what it is and its index entry. A record is scanned without building
        /// its tree; a source folder is small and read in full (its Markdown is not parsed here).
        /// An unchanged document's survey is taken from the engine's cache.
        /// </summary>
        private void Survey(Unit unit)
        {
            _cancellation.ThrowIfCancellationRequested();
            var partner = unit.IsSource ? (unit.Body is null ? null : unit.Metadata) : null;
            var display = _request.Display(unit.Key.Path);
            if (_engine._surveys.TryGetValue(unit.Key, out var cached)
                && ReferenceEquals(cached.Partner, partner)
                && ReferenceEquals(cached.Limits, _settings.Limits)
                && string.Equals(cached.Display, display, StringComparison.Ordinal))
            {
                unit.Outcome = cached.Outcome;
                unit.Entry = cached.Entry;
                return;
            }

            if (unit.IsSource)
            {
                var loaded = Load(unit);
                unit.Outcome = loaded.Outcome;
                unit.Entry = loaded.Document is null ? null : CorpusEntry.From(loaded.Document, () => Load(unit).Document);
            }
            else
            {
                var problems = new List<LoadProblem>();
                var bytes = FileBytes.Read(unit.Record!, display, _settings.Limits, problems);
                if (bytes is null)
                {
                    unit.Outcome = LoadOutcome.Broken;
                }
                else
                {
                    if (unit.MayHaveTwin)
                    {
                        unit.TwinDigest = CacheDigest.Of(bytes, bytes.Length);
                    }

                    var (outcome, entry) = ScanOnce(unit, display, bytes);
                    unit.Outcome = outcome switch
                    {
                        ScanOutcome.Record => LoadOutcome.Occupation,
                        ScanOutcome.NotARecord => LoadOutcome.NotAnOccupation,
                        _ => LoadOutcome.Broken,
                    };
                    unit.Entry = entry is null ? null : new CorpusEntry(entry.Form, entry.FullPath, entry.DisplayPath, entry.Slug, entry.Title, entry.Aliases, entry.Related)
                    {
                        Relations = entry.Relations,
                        ReadAnchors = CorpusEntry.Reread(() => Load(unit).Document),
                    };
                }
            }

            var survey = new SurveyCache(partner, display, _settings.Limits, unit.Outcome, unit.Entry);
#if NET
            _engine._surveys.AddOrUpdate(unit.Key, survey);
#else
            _engine._surveys.Remove(unit.Key);
            _engine._surveys.Add(unit.Key, survey);
#endif
        }

        /// <summary>
        /// Reads a record, or takes the parse of a byte-identical record read before it in
        /// <paramref name="parses"/> (by twin set), when that parse is of the bytes the survey digested.
        /// </summary>
        private LoadedFile LoadRecord(Unit unit, ref Dictionary<Unit, LoadedFile>? parses)
        {
            if (unit.TwinSet is not { } set)
            {
                return Load(unit);
            }

            if (parses is not null && parses.TryGetValue(set, out var parsed))
            {
                return parsed.ForTwin(unit.Path, _request.Display(unit.Path));
            }

            // Only a parse of the bytes the twins were found by stands for the others: a file
            // changed since its survey is read on its own.
            var asSurveyed = false;
            var loaded = Load(unit, bytes => asSurveyed = unit.TwinDigest == CacheDigest.Of(bytes, bytes.Length));
            if (asSurveyed && loaded.File is not null)
            {
                (parses ??= new Dictionary<Unit, LoadedFile>())[set] = loaded;
            }

            return loaded;
        }

        /// <summary>
        /// A record's index scan, or that of a record of the same bytes and file name scanned before
        /// it in this run, placed at this record's path.
        /// </summary>
        private (ScanOutcome Outcome, CorpusEntry? Entry) ScanOnce(Unit unit, string display, byte[] bytes)
        {
            var name = Path.GetFileName(unit.Path);
            if (unit.TwinDigest is { } digest && _twinScans.TryGetValue(digest, out var scanned) && string.Equals(scanned.Name, name, StringComparison.Ordinal))
            {
                var e = scanned.Entry;
                return (scanned.Outcome, e is null ? null : new CorpusEntry(e.Form, unit.Path, display, e.Slug, e.Title, e.Aliases, e.Related) { Relations = e.Relations });
            }

            var scan = RecordIndexScanner.Scan(unit.Path, display, bytes, _settings.Limits.MaxDepth);
            if (unit.TwinDigest is { } kept)
            {
                _twinScans.TryAdd(kept, (name, scan.Outcome, scan.Entry));
            }

            return scan;
        }

        /// <summary>Reads one unit; a failure inside a reader becomes a diagnostic on that file, and the run goes on.</summary>
        private LoadedFile Load(Unit unit, Action<byte[]>? read = null)
        {
            try
            {
                return unit.IsSource
                    ? SourceLoader.Load(unit.Path, unit.Body, unit.Metadata, _request.Display, _settings.Limits)
                    : RecordLoader.Load(unit.Record!, _request.Display(unit.Path), _settings.Limits, read);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                var file = new SourceFile(unit.Key.Path, _request.Display(unit.Key.Path), string.Empty);
                var problem = new LoadProblem(
                    unit.IsSource ? RuleCatalogue.InvalidYaml : RuleCatalogue.InvalidJson,
                    SourceRange.At(file, 0),
                    InternalError.Describe(unit.IsSource ? "read this folder" : "read this file", ex));
                return new LoadedFile(unit.Key.Path, file.DisplayPath, LoadOutcome.Broken, file, null, new[] { problem });
            }
        }

        /// <summary>Checks one unit; with <paramref name="log"/>, notes every question it asks beyond its own files.</summary>
        private (List<Diagnostic>, ComputedMetadata?) Check(LoadedFile file, CorpusIndex index, DependencyLog? log, Unit? unit = null)
        {
            var findings = new List<Finding>();
            foreach (var problem in file.Problems)
            {
                findings.Add(new Finding(problem.Rule, problem.Range, problem.Message, problem.Severity, problem.Fix));
            }

            ComputedMetadata? computed = null;
            var document = file.Document;
            if (document is null)
            {
                if (file.Outcome == LoadOutcome.NotAnOccupation && file.File is not null)
                {
                    findings.Add(new Finding(
                        RuleCatalogue.Schema,
                        SourceRange.At(file.File, 0),
                        "not an occupation record: the top-level value must be an object with \"slug\" and \"sections\"",
                        null));
                }
            }
            else
            {
                var corpus = log is null ? index : index.Tracking(log);
                computed = ComputedCalculator.Compute(document, Contract.Sections, corpus.BacklinksOf(document.Slug));
                var context = new RuleContext(document, corpus, Contract, computed, _settings, _engine.Caches, findings, log);
                var budget = new TimeBudget(_request.Clock, _settings.Limits.MaxCheckMilliseconds);
                context.Deadline = budget.Deadline;
                var scope = document.Form == DocumentForm.Record ? RuleScope.Records : RuleScope.Sources;
                for (var r = 0; r < RuleSet.DocumentRules.Count; r++)
                {
                    var rule = RuleSet.DocumentRules[r];
                    if ((rule.Descriptor.Scope & scope) == 0 || (!_settings.RunDisabledRules && _settings.SeverityOf(rule.Descriptor) == Severity.Off))
                    {
                        continue;
                    }

                    if (budget.Skip(rule.Descriptor))
                    {
                        continue;
                    }

                    _cancellation.ThrowIfCancellationRequested();
                    var ruleStarted = _request.MeasureRules && _request.Clock is not null ? _request.Clock().Ticks : 0;
                    context.Current = rule.Descriptor;
                    var twins = rule.ReadsOnlyItsDocument && document.Form == DocumentForm.Record ? unit : null;
                    if (TwinFindings(twins, r, document.PrimaryFile) is { } given)
                    {
                        findings.AddRange(given);
                        budget.Ran(rule.Descriptor);
                        continue;
                    }

                    var before = findings.Count;
                    var asked = log?.Dependencies.Count ?? 0;
                    var failed = false;
                    try
                    {
                        rule.Check(context);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                    {
                        // One rule failing on odd input must not hide what the others found.
                        context.Report(document.AnchorRange, InternalError.Describe($"finish its {rule.Descriptor.Name} check here", ex));
                        failed = true;
                    }

                    KeepForTwins(twins, r, document.PrimaryFile, findings, before, complete: !failed && !context.OutOfTime && (log?.Dependencies.Count ?? 0) == asked);

                    if (ruleStarted != 0)
                    {
                        Interlocked.Add(ref _ruleTicks[r], _request.Clock!().Ticks - ruleStarted);
                    }

                    budget.Ran(rule.Descriptor);
                }

                if (budget.Report() is { } spent)
                {
                    findings.Add(new Finding(RuleCatalogue.ResourceLimit, document.AnchorRange, spent, null));
                    if (log is not null)
                    {
                        log.Incomplete = true;
                    }
                }
            }

            if (file.LocatedIn is { } twin && file.File is { } own)
            {
                for (var i = 0; i < findings.Count; i++)
                {
                    findings[i] = MovedTo(findings[i], twin, own);
                }
            }

            var diagnostics = new List<Diagnostic>(findings.Count);
            foreach (var finding in findings)
            {
                var severity = _settings.SeverityOf(finding.Rule, finding.Severity);
                if (severity == Severity.Off && !_settings.RunDisabledRules)
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.At(finding.Rule, severity, finding.Range, document?.Slug, finding.Message, finding.Fix, finding.Suggestions));
            }

            if (document is not null && document.Form == DocumentForm.Source)
            {
                diagnostics = InlineSuppressions.Apply(document.Files, diagnostics, _settings.SeverityOf);
            }

            return (diagnostics, computed);
        }

        /// <summary>Runs <paramref name="body"/> for 0…count-1 on as many threads as the settings allow, checking for cancellation between items.</summary>
        private void ForEach(int count, Action<int> body)
        {
            if (_settings.MaxDegreeOfParallelism > 1 && count > 1)
            {
                try
                {
                    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _settings.MaxDegreeOfParallelism, CancellationToken = _cancellation }, body);
                }
                catch (AggregateException ex) when (_cancellation.IsCancellationRequested && ex.Flatten().InnerExceptions.All(e => e is OperationCanceledException))
                {
                    throw new OperationCanceledException(_cancellation);
                }

                return;
            }

            for (var i = 0; i < count; i++)
            {
                _cancellation.ThrowIfCancellationRequested();
                body(i);
            }
        }
    }
}

/// <summary>What a fix run did: the diagnostics that remain, how many fixes were applied, and the new file texts.</summary>
public sealed class FixOutcome
{
    public const int MaxPasses = 10;

    public FixOutcome(LintResult result, int fixedCount, IReadOnlyDictionary<string, string> changed)
    {
        Result = result;
        Fixed = fixedCount;
        Changed = changed;
    }

    public LintResult Result { get; }

    /// <summary>How many fixes were applied, over all passes (one fix may repair several diagnostics: one move orders every section).</summary>
    public int Fixed { get; }

    /// <summary>
    /// Path → repaired text of every document the fixes changed: the whole file, with a leading
    /// U+FEFF where it keeps a byte-order mark (the UTF-8 encoding of the text is the new file).
    /// </summary>
    public IReadOnlyDictionary<string, string> Changed { get; }

    /// <summary>Path → the text each changed document had before, in the form of <see cref="Changed"/>.</summary>
    public IReadOnlyDictionary<string, string> Original { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Path → how many fixes were applied to each changed document.</summary>
    public IReadOnlyDictionary<string, int> AppliedByFile { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}
