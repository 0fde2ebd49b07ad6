using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

public sealed partial class LintEngine
{
    private sealed partial class Run
    {
        /// <summary>
        /// One run's use of a <see cref="LintCache"/>: the digest of every unit's files, index entries
        /// taken from the cache for units whose files are unchanged, results reused where every answer
        /// their checks were given is unchanged, and the new snapshot published at the end.
        /// </summary>
        private sealed class CacheRun
        {
            private static readonly Dictionary<string, RuleDescriptor> RulesById = RuleCatalogue.All.ToDictionary(r => r.Id, StringComparer.Ordinal);

            private readonly Run _run;
            private readonly LintCache _cache;
            private readonly List<Unit> _units;
            private readonly CacheDigest _runKey;

            /// <summary>The cache's results when they were made under this run's key; else none.</summary>
            private readonly IReadOnlyDictionary<string, CachedUnit> _previous;

            /// <summary>The digests of files' bytes at the versions their host named, from the cache (whatever its run key).</summary>
            private readonly IReadOnlyDictionary<string, CachedFile> _previousFiles;

            /// <summary>The same, for this run's files that have a version.</summary>
            private readonly ConcurrentDictionary<string, CachedFile> _files;

            /// <summary>Documents cached diagnostics point into that were not read (known by their version), to read if their text is asked for.</summary>
            private readonly ConcurrentDictionary<string, ContentFile> _unread = new(StringComparer.Ordinal);

            /// <summary>The bytes of the documents cached diagnostics point into, read while hashing, to decode their text again.</summary>
            private readonly ConcurrentDictionary<string, byte[]> _texts = new(StringComparer.Ordinal);

            /// <summary>
            /// Digest builders, each used for one digest at a time and then for the next: a run makes
            /// thousands of digests, and fresh buffers for each cost more than the hashing (in a short
            /// process, memory touched for the first time is dear).
            /// </summary>
            private readonly ConcurrentBag<DigestBuilder> _builders = new();

            private readonly ConcurrentDictionary<CachedSource, SourceFile> _sources = new();
            private readonly ConcurrentDictionary<string, CachedUnit> _stored = new(StringComparer.Ordinal);
            private readonly ConcurrentDictionary<CorpusEntry, CacheDigest> _entryDigests = new();
            private readonly ConcurrentDictionary<string, string?> _suggestions = new(StringComparer.Ordinal);
            private readonly ConcurrentBag<string> _checked = new();
            private readonly bool _keyChanged;
            private readonly CacheDigest _settledKey;

            /// <summary>The settled mark of the snapshot this run started from (another run may publish meanwhile).</summary>
            private readonly CacheDigest? _previousSettled;

            // Every unit is as the cache last held it, and every result it holds was made or confirmed
            // against the index of exactly these units on this day: each answer is as it was, so none
            // need be asked again (the index is made from the units alone).
            private bool _settled;

            // Otherwise, when every unit is as the settled cache held it but for some whose index entries
            // are as they were (prose edited, say): the index is as it was, so only the questions about
            // those units' own files (a page's anchors, a record's source folder) can have new answers.
            // The slugs such questions name; null when this does not hold.
            private HashSet<string>? _settledBut;
            private int _asked;
            private readonly object _wholeIndexLock = new();
            private CacheDigest? _wholeIndex;
            private int _reused;
            private int _surveyed;
            private CorpusIndex? _index;
            private Dictionary<string, Unit>? _sourcesBySlug;
            private Dictionary<string, Unit>? _unitsByDocument;

            private CacheRun(Run run, LintCache cache, List<Unit> units, CacheDigest runKey)
            {
                _run = run;
                _cache = cache;
                _units = units;
                _runKey = runKey;
                var snapshot = cache.Snapshot;
                _keyChanged = snapshot is null || snapshot.RunKey != runKey;
                _previous = _keyChanged ? CacheSnapshot.Empty.Units : snapshot!.Units;
                _previousFiles = (snapshot ?? CacheSnapshot.Empty).Files;
                _files = new ConcurrentDictionary<string, CachedFile>(Math.Max(1, run._settings.MaxDegreeOfParallelism), Math.Max(31, _previousFiles.Count), StringComparer.Ordinal);
                _settledKey = CacheKeys.SettledKey(run._settings);
                _previousSettled = _keyChanged ? null : snapshot!.SettledKey;
            }

            /// <summary>Digests every unit's files (in parallel); null when the engine build cannot be identified.</summary>
            public static CacheRun? Open(Run run, LintCache cache, List<Unit> units)
            {
                if (CacheKeys.EngineIdentity is not { } identity)
                {
                    return null;
                }

                var contract = run._settings.CustomContract?.Identity ?? run._engine._defaultContractIdentity;
                var cacheRun = new CacheRun(run, cache, units, CacheKeys.RunKey(run._settings, run._request.BaseDirectory, contract, identity));
                var wanted = new HashSet<string>(
                    cacheRun._previous.Values.SelectMany(u => u.Check?.Diagnostics ?? Array.Empty<CachedDiagnostic>())
                        .SelectMany(d => (d.Fix ?? Array.Empty<CachedEdit>()).Concat((d.Suggestions ?? Array.Empty<CachedSuggestion>()).SelectMany(g => g.Edits)).Select(e => e.Source).Concat(d.Source is { } s ? new[] { s } : Array.Empty<CachedSource>()))
                        .Where(s => s.IsDocumentText)
                        .Select(s => s.FullPath),
                    StringComparer.Ordinal);
                run.ForEach(units.Count, i => units[i].Digest = cacheRun.DigestOf(units[i], wanted));
                cacheRun._settled = cacheRun.SameSettledUnits();
                return cacheRun;
            }

            /// <summary>Whether the cache was left settled (<see cref="CacheSnapshot.SettledKey"/>) on this day, and holds exactly this run's units, each with the same bytes.</summary>
            private bool SameSettledUnits()
            {
                if (_previousSettled != _settledKey || _units.Count != _previous.Count)
                {
                    return false;
                }

                foreach (var unit in _units)
                {
                    if (unit.Digest is not { } digest || !_previous.TryGetValue(unit.Path, out var cached) || cached.Content != digest)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>Takes the unit's index entry from the cache when its files are unchanged.</summary>
            public bool TrySurvey(Unit unit)
            {
                if (unit.Digest is { } digest && _previous.TryGetValue(unit.Path, out var cached) && cached.Content == digest)
                {
                    unit.Cached = cached;
                    unit.Outcome = cached.Outcome;
                    unit.Entry = cached.Entry?.Rebind(CorpusEntry.Reread(() => _run.Load(unit).Document));
                    return true;
                }

                System.Threading.Interlocked.Increment(ref _surveyed);
                return false;
            }

            public void Bind(CorpusIndex index, Dictionary<string, Unit> sourcesBySlug)
            {
                _index = index;
                _sourcesBySlug = sourcesBySlug;
                if (!_settled && _previousSettled == _settledKey && _units.Count == _previous.Count)
                {
                    _settledBut = SlugsOfChangedFiles(sourcesBySlug);
                }
            }

            /// <summary>
            /// The slugs of the units whose files changed since the settled cache, when each of them has
            /// the index entry and outcome it had (the index, made from the entries alone, is then as it
            /// was); null when a unit came, went, cannot be read or changed its entry.
            /// </summary>
            private HashSet<string>? SlugsOfChangedFiles(Dictionary<string, Unit> sourcesBySlug)
            {
                var changed = new HashSet<Unit>();
                var slugs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var unit in _units)
                {
                    if (unit.Digest is not { } digest || !_previous.TryGetValue(unit.Path, out var before))
                    {
                        return null;
                    }

                    if (before.Content == digest)
                    {
                        continue;
                    }

                    if (before.Outcome != unit.Outcome || (before.Entry is null) != (unit.Entry is null)
                        || (unit.Entry is { } entry && DigestOfEntry(before.Entry!) != DigestOfEntry(entry)))
                    {
                        return null;
                    }

                    changed.Add(unit);
                    if (unit.Entry is { } changedEntry)
                    {
                        slugs.Add(changedEntry.Slug);
                    }
                }

                foreach (var pair in sourcesBySlug)
                {
                    if (changed.Contains(pair.Value))
                    {
                        slugs.Add(pair.Key);
                    }
                }

                return slugs;
            }

            /// <summary>Whether every answer of <paramref name="dependencies"/> is as when they were last asked, without asking (see <see cref="_settledBut"/>).</summary>
            private bool Unaffected(IReadOnlyList<Dependency> dependencies)
            {
                if (_settled)
                {
                    return true;
                }

                if (_settledBut is not { } changed)
                {
                    return false;
                }

                foreach (var dependency in dependencies)
                {
                    if (dependency.Kind is DependencyKind.Anchors or DependencyKind.SourceOf && changed.Contains(dependency.Key))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>Each unit by the paths of its files, made when first asked (for a page's anchors).</summary>
            private Dictionary<string, Unit> UnitsByDocument() => System.Threading.LazyInitializer.EnsureInitialized(ref _unitsByDocument, () =>
            {
                var byDocument = new Dictionary<string, Unit>(_units.Count * 2, StringComparer.Ordinal);
                foreach (var unit in _units)
                {
                    foreach (var path in unit.Paths)
                    {
                        byDocument[path] = unit;
                    }
                }

                return byDocument;
            })!;

            /// <summary>
            /// The order to go through <paramref name="units"/> in: those without a cached result first, so
            /// that the first check (which loads the schemas and the parsers) starts at once and overlaps
            /// the other threads' reuse of results, rather than starting when they are done.
            /// </summary>
            public int[] CheckFirst(List<Unit> units)
            {
                var order = new int[units.Count];
                var next = 0;
                for (var pass = 0; pass < 2; pass++)
                {
                    for (var i = 0; i < units.Count; i++)
                    {
                        if ((units[i].Cached?.Check is null) == (pass == 0))
                        {
                            order[next++] = i;
                        }
                    }
                }

                return order;
            }

            /// <summary>The log a unit's check keeps, when its result can be stored.</summary>
            public DependencyLog? LogFor(Unit unit) => unit.Digest is null ? null : new DependencyLog();

            /// <summary>The unit's diagnostics from the cache, when its files and every answer its check was given are unchanged.</summary>
            public bool TryReuse(Unit unit, out List<Diagnostic> diagnostics, out string? slug)
            {
                diagnostics = null!;
                slug = null;
                if (unit.Cached?.Check is not { } check)
                {
                    return false;
                }

                if (!Unaffected(check.Dependencies))
                {
                    System.Threading.Interlocked.Increment(ref _asked);
                    if (AnswersOf(check.Dependencies) != check.Answers)
                    {
                        return false;
                    }
                }

                var rebuilt = new List<Diagnostic>(check.Diagnostics.Count);
                foreach (var cached in check.Diagnostics)
                {
                    if (Rebuild(cached) is not { } diagnostic)
                    {
                        return false;
                    }

                    rebuilt.Add(diagnostic);
                }

                System.Threading.Interlocked.Increment(ref _reused);
                diagnostics = rebuilt;
                slug = check.Slug;
                return true;
            }

            /// <summary>Keeps a fresh check's result (or, when it cannot be kept, only the unit's index entry).</summary>
            public void Store(Unit unit, List<Diagnostic> diagnostics, string? slug, DependencyLog? log)
            {
                _checked.Add(unit.Path);
                if (unit.Digest is not { } digest)
                {
                    return;
                }

                CachedCheck? check = null;
                if (log is { Incomplete: false } && AnswersOf(log.Dependencies) is { } answers && Keep(unit, slug, diagnostics) is { } kept)
                {
                    check = new CachedCheck(slug, log.Dependencies.ToList(), answers, kept);
                }

                _stored[unit.Path] = new CachedUnit(unit.Path, digest, unit.Outcome, unit.Entry?.Rebind(null), check);
            }

            /// <summary>
            /// Publishes what the cache now knows: this run's results, and earlier ones still keyed to
            /// unchanged files (a unit out of the run's scope keeps its result, which is checked again
            /// against its answers when next reused). Units no longer in the corpus are dropped.
            /// </summary>
            public CacheUse Publish()
            {
                // Settled when every result kept was made or confirmed in this run: none carried over
                // unconfirmed from outside the run's scope.
                var kept = 0;
                foreach (var unit in _units)
                {
                    if ((_stored.TryGetValue(unit.Path, out var stored) ? stored : unit.Cached)?.Check is not null)
                    {
                        kept++;
                    }
                }

                var confirmed = _reused + _stored.Values.Count(u => u.Check is not null);
                CacheDigest? settled = confirmed == kept ? _settledKey : null;

                // Unchanged when every unit's record was reused as it was, none was dropped, and the
                // settled mark is as it was.
                var changed = _keyChanged || !_stored.IsEmpty || settled != _previousSettled
                    || _units.Any(u => u.Cached is null && u.Digest is not null)
                    || _units.Count(u => u.Cached is not null) != _previous.Count
                    || _files.Count != _previousFiles.Count
                    || _files.Any(f => !_previousFiles.TryGetValue(f.Key, out var before) || before != f.Value);
                if (changed)
                {
                    var units = new Dictionary<string, CachedUnit>(StringComparer.Ordinal);
                    foreach (var unit in _units)
                    {
                        if (_stored.TryGetValue(unit.Path, out var stored))
                        {
                            units[unit.Path] = stored;
                        }
                        else if (unit.Cached is { } cached)
                        {
                            units[unit.Path] = cached;
                        }
                        else if (unit.Digest is { } digest)
                        {
                            units[unit.Path] = new CachedUnit(unit.Path, digest, unit.Outcome, unit.Entry?.Rebind(null), null);
                        }
                    }

                    _cache.Publish(new CacheSnapshot(_runKey, units, new Dictionary<string, CachedFile>(_files, StringComparer.Ordinal), settled));
                }

                var checkedPaths = _checked.ToList();
                checkedPaths.Sort(StringComparer.Ordinal);
                return new CacheUse(_reused, checkedPaths, _surveyed, changed) { Asked = _asked };
            }

            /// <summary>The unit's paths, file states and bytes; null when a file cannot be read (the unit is then never cached).</summary>
            private CacheDigest? DigestOf(Unit unit, HashSet<string> wanted)
            {
                var digest = Builder();
                digest.Add(unit.Path);
                foreach (var file in new[] { unit.Record, unit.Body, unit.Metadata })
                {
                    if (file is null)
                    {
                        digest.Add(false);
                        continue;
                    }

                    digest.Add(true).Add(file.Path).Add(file.ReadError).Add(file.HasContent).Add(file.Length);
                    if (!file.HasContent || file.ReadError is not null || file.Length > _run._settings.Limits.MaxFileBytes)
                    {
                        // Its bytes are never read: only its size and state can matter.
                        continue;
                    }

                    if (Hash(file, wanted.Contains(file.Path)) is not { } content)
                    {
                        return null;
                    }

                    digest.Add(content);
                }

                return Finish(digest);
            }

            /// <summary>
            /// The digest of a file's bytes: the one the cache holds for the file at the version its host
            /// names, unread; else read into a reused buffer where the host allows it (fresh arrays for a
            /// whole corpus would cost more than the hashing). A file whose text a cached diagnostic
            /// points into is read and kept. Null when it cannot be read.
            /// </summary>
            private CacheDigest? Hash(ContentFile file, bool keep)
            {
                if (file.Version is { } version && _previousFiles.TryGetValue(file.Path, out var known) && string.Equals(known.Version, version, StringComparison.Ordinal))
                {
                    _files[file.Path] = known;
                    if (keep)
                    {
                        // A reused diagnostic points into it: read only if its text is asked for (a code frame).
                        _unread[file.Path] = file;
                    }

                    return known.Content;
                }

                var content = Read(file, keep);
                if (content is { } digest && file.Version is { } named)
                {
                    _files[file.Path] = new CachedFile(named, digest);
                }

                return content;
            }

            /// <summary>The digest of the file's bytes as read now; null when it cannot be read.</summary>
            private CacheDigest? Read(ContentFile file, bool keep)
            {
                using var lease = _run.Buffers.Read(file, _run._settings.Limits.MaxFileBytes);
                if (lease.Bytes is not { } bytes)
                {
                    return null;
                }

                if (keep)
                {
                    var kept = bytes;
                    if (lease.IsBorrowed || lease.Count != bytes.Length)
                    {
                        kept = new byte[lease.Count];
                        Buffer.BlockCopy(bytes, 0, kept, 0, lease.Count);
                    }

                    _texts[file.Path] = kept;
                }

                return CacheDigest.Of(bytes, lease.Count);
            }

            /// <summary>The digest of the answers <paramref name="dependencies"/> have now, in order; null when one cannot be known.</summary>
            private CacheDigest? AnswersOf(IReadOnlyList<Dependency> dependencies)
            {
                var digest = Builder();
                digest.Add(dependencies.Count);
                foreach (var dependency in dependencies)
                {
                    digest.Add((long)dependency.Kind).Add(dependency.Key).Add(dependency.Other).Add(dependency.Type);
                    bool known;
                    try
                    {
                        known = AddAnswer(dependency, digest);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                    {
                        // A question no check of this build asks (from a damaged cache): the result is not reused.
                        known = false;
                    }

                    if (!known)
                    {
                        return null;
                    }
                }

                return Finish(digest);
            }

            /// <summary>
            /// Adds the answer a question has in this run's corpus: asked of the index and graph as a
            /// check asks it, except a page's anchors and a record's source folder, which are as the files
            /// they are read from (so no page is parsed to tell), and index entries, which are as their
            /// digests. False when the answer cannot be known.
            /// </summary>
            private bool AddAnswer(Dependency question, DigestBuilder digest)
            {
                var index = _index!;
                switch (question.Kind)
                {
                    case DependencyKind.Contains:
                        digest.Add(index.Contains(question.Key));
                        return true;
                    case DependencyKind.WithSlug:
                        return AddEntries(digest, index.WithSlug(question.Key));
                    case DependencyKind.ClaimingSlug:
                        return AddEntries(digest, index.ClaimingSlug(question.Key));
                    case DependencyKind.WithTitle:
                        return AddEntries(digest, index.WithTitle(question.Key));
                    case DependencyKind.WithAlias:
                        return AddEntries(digest, index.WithAlias(question.Key));
                    case DependencyKind.Backlinks:
                        CacheKeys.AddStrings(digest, index.BacklinksOf(question.Key));
                        return true;
                    case DependencyKind.Anchors:
                        var owners = index.WithSlug(question.Key);
                        if (owners.Count == 0)
                        {
                            digest.Add(false);
                            return true;
                        }

                        if (!UnitsByDocument().TryGetValue(owners[0].FullPath, out var owner) || owner.Digest is not { } page)
                        {
                            return false;
                        }

                        digest.Add(true).Add(page);
                        return true;
                    case DependencyKind.Suggest:
                        // Suggesting compares the slug with every slug of the corpus: once per slug and run.
                        digest.Add(_suggestions.GetOrAdd(question.Key, index.Suggest));
                        return true;
                    case DependencyKind.AllEntries:
                    case DependencyKind.WholeGraph:
                        // The graph is made from the entries alone. One digest of them all, made once
                        // per run: adding every entry to every result's answers cost their product.
                        digest.Add(WholeIndex());
                        return true;
                    case DependencyKind.TypesBetween:
                        CacheKeys.AddStrings(digest, index.Graph.TypesBetween(question.Key, question.Other!));
                        return true;
                    case DependencyKind.OnCycle:
                        digest.Add(index.Graph.OnCycle(question.Type!, question.Key, question.Other!));
                        return true;
                    case DependencyKind.CycleThrough:
                        CacheKeys.AddStrings(digest, index.Graph.CycleThrough(question.Type!, question.Key, question.Other!));
                        return true;
                    case DependencyKind.CycleGroupSize:
                        digest.Add(index.Graph.CycleGroupSize(question.Type!, question.Key));
                        return true;
                    case DependencyKind.Today:
                        var after = RuleContext.AfterToday(new DateTime(long.Parse(question.Key, System.Globalization.CultureInfo.InvariantCulture)), _run._settings.Today);
                        digest.Add(after?.Ticks ?? -1L);
                        return true;
                    case DependencyKind.SourceOf:
                        if (!_sourcesBySlug!.TryGetValue(question.Key, out var source))
                        {
                            digest.Add(false);
                            return true;
                        }

                        if (source.Digest is not { } folder)
                        {
                            return false;
                        }

                        digest.Add(true).Add(folder);
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>The digest of every entry of the run's index, made on first use.</summary>
            private CacheDigest WholeIndex()
            {
                lock (_wholeIndexLock)
                {
                    if (_wholeIndex is not { } whole)
                    {
                        var digest = Builder();
                        AddEntries(digest, _index!.Entries);
                        _wholeIndex = whole = Finish(digest);
                    }

                    return whole;
                }
            }

            /// <summary>Entries by the digests of their fields, each made once per run.</summary>
            private bool AddEntries(DigestBuilder digest, IReadOnlyList<CorpusEntry> entries)
            {
                digest.Add(entries.Count);
                foreach (var entry in entries)
                {
                    digest.Add(_entryDigests.GetOrAdd(entry, DigestOfEntry));
                }

                return true;
            }

            private DigestBuilder Builder() => _builders.TryTake(out var builder) ? builder : new DigestBuilder();

            /// <summary>The builder's digest; the builder goes back for the next digest.</summary>
            private CacheDigest Finish(DigestBuilder builder)
            {
                var digest = builder.Finish();
                _builders.Add(builder);
                return digest;
            }

            private CacheDigest DigestOfEntry(CorpusEntry entry)
            {
                var digest = Builder();
                CacheKeys.AddEntries(digest, new[] { entry });
                return Finish(digest);
            }

            /// <summary>
            /// The diagnostics in the cache's form; null when one points into a text that could not be
            /// decoded again from the files the unit's key covers (its own, or its source folder's).
            /// </summary>
            private List<CachedDiagnostic>? Keep(Unit unit, string? slug, List<Diagnostic> diagnostics)
            {
                var covered = new HashSet<string>(unit.Paths, StringComparer.Ordinal);
                if (!unit.IsSource && slug is not null && _sourcesBySlug!.TryGetValue(slug, out var partner))
                {
                    covered.UnionWith(partner.Paths);
                }

                CachedSource? SourceOf(SourceFile? file, out bool ok)
                {
                    ok = true;
                    if (file is null)
                    {
                        return null;
                    }

                    if (file.IsDocumentText ? !covered.Contains(file.FullPath) : file.Text.Length != 0)
                    {
                        ok = false;
                        return null;
                    }

                    return new CachedSource(file.FullPath, file.DisplayPath, file.IsDocumentText);
                }

                var kept = new List<CachedDiagnostic>(diagnostics.Count);
                foreach (var d in diagnostics)
                {
                    var source = SourceOf(d.Source, out var ok);
                    if (!ok || !RulesById.TryGetValue(d.RuleId, out var rule) || !ReferenceEquals(rule, d.Rule))
                    {
                        return null;
                    }

                    List<CachedEdit>? Edits(IReadOnlyList<TextEdit> edits)
                    {
                        return AllOrNone(edits, edit => SourceOf(edit.Range.File, out var found) is { } at && found
                            ? (true, new CachedEdit(at, edit.Range.Start, edit.Range.End, edit.NewText))
                            : (false, null!));
                    }

                    List<CachedEdit>? fix = null;
                    if (d.Fix is not null && (fix = Edits(d.Fix)) is null)
                    {
                        return null;
                    }

                    List<CachedSuggestion>? suggestions = null;
                    if (d.Suggestions is not null
                        && (suggestions = AllOrNone(d.Suggestions, s => Edits(s.Edits) is { } edits ? (true, new CachedSuggestion(s.Title, edits)) : (false, null!))) is null)
                    {
                        return null;
                    }

                    kept.Add(new CachedDiagnostic(d.RuleId, d.Severity, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Slug, d.Message, d.FullPath, d.Start, d.Length, source, fix, suggestions));
                }

                return kept;
            }

            /// <summary>Every item mapped, or null when one cannot be (a diagnostic is kept or rebuilt whole, or not at all).</summary>
            private static List<TOut>? AllOrNone<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, (bool Ok, TOut Value)> map)
            {
                var list = new List<TOut>(items.Count);
                foreach (var item in items)
                {
                    var (ok, mapped) = map(item);
                    if (!ok)
                    {
                        return null;
                    }

                    list.Add(mapped);
                }

                return list;
            }

            /// <summary>A diagnostic as it was made; null when its text cannot be had.</summary>
            private Diagnostic? Rebuild(CachedDiagnostic cached)
            {
                if (!RulesById.TryGetValue(cached.RuleId, out var rule))
                {
                    return null;
                }

                SourceFile? source = null;
                if (cached.Source is { } at && (source = SourceFile(at)) is null)
                {
                    return null;
                }

                List<TextEdit>? Edits(IReadOnlyList<CachedEdit> edits)
                {
                    return AllOrNone(edits, edit => SourceFile(edit.Source) is { } file ? (true, new TextEdit(new SourceRange(file, edit.Start, edit.End), edit.NewText)) : (false, default));
                }

                List<TextEdit>? fix = null;
                if (cached.Fix is not null && (fix = Edits(cached.Fix)) is null)
                {
                    return null;
                }

                List<Suggestion>? suggestions = null;
                if (cached.Suggestions is not null
                    && (suggestions = AllOrNone(cached.Suggestions, s => Edits(s.Edits) is { } edits ? (true, new Suggestion(s.Title, edits)) : (false, null!))) is null)
                {
                    return null;
                }

                return new Diagnostic(rule, cached.Severity, cached.File, cached.Line, cached.Column, cached.EndLine, cached.EndColumn, cached.Slug, cached.Message)
                {
                    FullPath = cached.FullPath,
                    Start = cached.Start,
                    Length = cached.Length,
                    Source = source,
                    Fix = fix,
                    Suggestions = suggestions,
                };
            }

            /// <summary>One text per file and run, decoded on first use from the bytes read while hashing.</summary>
            private SourceFile? SourceFile(CachedSource at)
            {
                if (_sources.TryGetValue(at, out var file))
                {
                    return file;
                }

                if (!at.IsDocumentText)
                {
                    return _sources.GetOrAdd(at, new SourceFile(at.FullPath, at.DisplayPath, string.Empty));
                }

                if (_texts.TryGetValue(at.FullPath, out var bytes))
                {
                    return _sources.GetOrAdd(at, new SourceFile(at.FullPath, at.DisplayPath, () => TextDecoder.TextOf(bytes)) { IsDocumentText = true });
                }

                if (_unread.TryGetValue(at.FullPath, out var unread))
                {
                    return _sources.GetOrAdd(at, new SourceFile(at.FullPath, at.DisplayPath, () => TextOf(unread)) { IsDocumentText = true });
                }

                return null;
            }

            /// <summary>
            /// The text of a file known by its version, read when first asked for; empty when it can no
            /// longer be read (it vanished during the run), as for a file without text: a code frame is
            /// then left out, and the diagnostic's own line and column, kept in the cache, still stand.
            /// </summary>
            private static string TextOf(ContentFile file)
            {
                try
                {
                    return TextDecoder.TextOf(file.ReadBytes() ?? Array.Empty<byte>());
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                {
                    return string.Empty;
                }
            }
        }
    }
}
