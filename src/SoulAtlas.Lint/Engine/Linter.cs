using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using Diagnostic = SoulAtlas.Lint.Diagnostics.Diagnostic;
using Severity = SoulAtlas.Lint.Diagnostics.Severity;

namespace SoulAtlas.Lint.Engine;

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

    /// <summary>Files the run reports on (the named ones that exist).</summary>
    public int Files { get; }

    /// <summary>Occupations the run reports on (a record and its source folder are one).</summary>
    public int Occupations { get; }

    public long ElapsedMs { get; }

    /// <summary>Recomputed metadata of the reported occupations, in path order (when <see cref="LintSettings.CollectComputed"/>).</summary>
    public IReadOnlyList<ComputedMetadata> Computed { get; }

    /// <summary>Wall time of each phase of the run (discover, read, index, check, sort).</summary>
    public IReadOnlyList<(string Phase, double Milliseconds)> Timings { get; }

    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);
}

/// <summary>
/// Runs the pipeline: discover → read and parse every file once (in parallel) → index the corpus
/// once → recompute metadata and run the rules for the named files → resolve locations and sort.
/// </summary>
public sealed class Linter
{
    private readonly LintSettings _settings;
    private readonly IReadOnlyDictionary<string, string>? _overlay;
    private readonly long[] _ruleTicks = new long[RuleSet.DocumentRules.Count];

    public Linter(LintSettings settings)
        : this(settings, null)
    {
    }

    /// <summary>A linter that reads <paramref name="overlay"/>'s texts (by full path) instead of those files on disk: how --fix lints repaired text before writing it.</summary>
    public Linter(LintSettings settings, IReadOnlyDictionary<string, string>? overlay)
    {
        _settings = settings;
        _overlay = overlay;
    }

    /// <exception cref="LintUsageException">A path does not exist.</exception>
    public LintResult Lint(IReadOnlyList<string> paths, string workingDirectory, LintProgress? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var timings = new List<(string, double)>();
        var lap = Stopwatch.StartNew();
        void Lap(string phase)
        {
            timings.Add((phase, lap.Elapsed.TotalMilliseconds));
            lap.Restart();
        }

        // Loading and compiling the schemas takes tens of milliseconds of a short run; it needs
        // nothing from the corpus, so it runs while the corpus is discovered and scanned.
        var warmUp = System.Threading.Tasks.Task.Run(() =>
        {
            var contract = _settings.Contract;
            Rules.Structure.SchemaRule.CompiledFor(contract.OccupationSchema);
            Rules.Structure.SchemaRule.CompiledFor(contract.MetadataSchema);
        });
        var targets = ResolveTargets(paths, workingDirectory);
        var roots = targets.Select(t => CorpusDiscovery.FindRoot(t.FullPath)).Distinct(StringComparer.Ordinal).ToList();

        // Units: one per record file, one per source folder.
        var recordFiles = new SortedSet<string>(StringComparer.Ordinal);
        var sourceFolders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var ignore = new PathFilter(
                _settings.UseGitIgnore ? GitIgnoreFilter.For(root) : GitIgnoreFilter.None,
                _settings.GlobBase,
                _settings.IgnoreGlobs,
                _settings.RecordGlobs);
            recordFiles.UnionWith(CorpusDiscovery.FindJsonFiles(root, ignore));
            sourceFolders.UnionWith(CorpusDiscovery.FindSourceFolders(root, ignore));
        }

        foreach (var target in targets)
        {
            if (target.IsDirectory)
            {
                if (CorpusDiscovery.IsSourceFolder(target.FullPath))
                {
                    sourceFolders.Add(target.FullPath);
                }
            }
            else if (IsSourceFile(target.FullPath))
            {
                sourceFolders.Add(Path.GetDirectoryName(target.FullPath)!);
            }
            else
            {
                recordFiles.Add(target.FullPath);
            }
        }

        var units = recordFiles.Select(f => new Unit(f, false)).Concat(sourceFolders.Select(f => new Unit(f, true))).ToList();
        Lap("discover");
        string Display(string full) => PathDisplay.Relative(workingDirectory, full);

        // The index is built from a quick look at every unit; each document is parsed in full only
        // while it is checked, and dropped after. Memory stays bounded on any corpus, and documents
        // die young, which the garbage collector handles far more cheaply than a corpus kept alive.
        progress?.AddTotal(units.Count);
        Run(units.Count, i =>
        {
            Survey(units[i], Display);
            progress?.Step();
        });
        Lap("scan for the index");

        var sourcesBySlug = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.IsSource && u.Entry is not null))
        {
            if (!sourcesBySlug.ContainsKey(unit.Entry!.Slug))
            {
                sourcesBySlug.Add(unit.Entry.Slug, unit);
            }
        }

        // A record whose slug also has a source folder is that occupation's build output: it is
        // checked against the folder and left out of the index.
        var index = new CorpusIndex(units
            .Where(u => u.Entry is not null && (u.IsSource || !sourcesBySlug.ContainsKey(u.Entry.Slug)))
            .Select(u => u.Entry!)
            .ToList());
        var recordFolders = new HashSet<string>(
            units.Where(u => !u.IsSource && u.Outcome == LoadOutcome.Occupation).Select(u => Path.GetDirectoryName(u.Path) ?? string.Empty),
            StringComparer.Ordinal);

        var reported = new List<Unit>();
        foreach (var unit in units)
        {
            if (!unit.Paths.Any(p => IsNamed(p, targets)))
            {
                continue;
            }

            var explicitlyNamed = targets.Any(t => !t.IsDirectory && string.Equals(t.FullPath, unit.Path, StringComparison.Ordinal));
            var inRecordFolder = !unit.IsSource && recordFolders.Contains(Path.GetDirectoryName(unit.Path) ?? string.Empty);
            if (unit.IsSource || unit.Outcome == LoadOutcome.Occupation || explicitlyNamed || inRecordFolder)
            {
                reported.Add(unit);
            }
        }

        warmUp.GetAwaiter().GetResult();
        Lap("index");
        var perUnit = new List<Diagnostic>[reported.Count];
        var computed = new ComputedMetadata?[reported.Count];
        var checkedSlugs = new string?[reported.Count];
        progress?.AddTotal(reported.Count);
        Run(reported.Count, i =>
        {
            var unit = reported[i];
            var loaded = Load(unit.Path, unit.IsSource, Display);
            if (loaded.Document is { Form: DocumentForm.Record } record && sourcesBySlug.TryGetValue(record.Slug, out var source))
            {
                record.Source = Load(source.Path, isSource: true, Display).Document;
            }

            (perUnit[i], computed[i]) = Check(loaded, index);
            checkedSlugs[i] = computed[i]?.Slug;
            if (!_settings.CollectComputed)
            {
                computed[i] = null;
            }

            progress?.Step();
        });
        Lap("compute and check");

        // The tsc model: the whole corpus is read, but only the named files are reported on.
        var diagnostics = perUnit.SelectMany(d => d).Where(d => d.FullPath is null || IsNamed(d.FullPath, targets)).ToList();
        diagnostics.Sort(Diagnostics.DiagnosticOrder.Instance);
        Lap("filter and sort");
        if (_settings.MeasureRules)
        {
            // CPU time summed over threads, slowest first, as ESLint's TIMING lists rules.
            timings.AddRange(RuleSet.DocumentRules
                .Select((rule, r) => ("rule " + rule.Descriptor.Name, _ruleTicks[r] * 1000.0 / Stopwatch.Frequency))
                .Where(t => t.Item2 > 0)
                .OrderByDescending(t => t.Item2));
        }
        var files = reported.SelectMany(u => u.Paths).Where(p => File.Exists(p) && IsNamed(p, targets)).Distinct(StringComparer.Ordinal).Count();
        return new LintResult(
            diagnostics,
            files,
            checkedSlugs.Where(s => s is not null).Distinct(StringComparer.Ordinal).Count(),
            stopwatch.ElapsedMilliseconds,
            computed.Where(c => c is not null).Select(c => c!).ToList(),
            timings);
    }

    /// <summary>
    /// First look at a unit: what it is and its index entry. A record is scanned without building
    /// its tree; a source folder is small and read in full (its Markdown is not parsed here).
    /// </summary>
    private void Survey(Unit unit, Func<string, string> display)
    {
        if (unit.IsSource)
        {
            var loaded = Load(unit.Path, isSource: true, display);
            unit.Outcome = loaded.Outcome;
            unit.Entry = loaded.Document is null ? null : CorpusEntry.From(loaded.Document, () => Load(unit.Path, isSource: true, display).Document);
            unit.Paths = loaded.Paths;
            return;
        }

        try
        {
            var (outcome, entry) = RecordIndexScanner.Scan(unit.Path, display(unit.Path), ReadAllBytes(unit.Path), _settings.Limits.MaxDepth);
            unit.Outcome = outcome switch
            {
                ScanOutcome.Record => LoadOutcome.Occupation,
                ScanOutcome.NotARecord => LoadOutcome.NotAnOccupation,
                _ => LoadOutcome.Broken,
            };
            unit.Entry = entry is null ? null : new CorpusEntry(entry.Form, entry.FullPath, entry.DisplayPath, entry.Slug, entry.Title, entry.Aliases, entry.Related)
            {
                ReadAnchors = CorpusEntry.Reread(() => Load(unit.Path, isSource: false, display).Document),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            unit.Outcome = LoadOutcome.Broken;
        }
    }

    /// <summary>A record file or a source folder, and what is known of it so far.</summary>
    private sealed class Unit
    {
        public Unit(string path, bool isSource)
        {
            Path = path;
            IsSource = isSource;
            Paths = isSource
                ? new[] { System.IO.Path.Combine(path, SourceLoader.BodyFileName), System.IO.Path.Combine(path, SourceLoader.MetadataFileName) }
                : new[] { path };
        }

        public string Path { get; }

        public bool IsSource { get; }

        public IReadOnlyList<string> Paths { get; set; }

        public LoadOutcome Outcome { get; set; }

        public CorpusEntry? Entry { get; set; }
    }

    /// <summary>Reads one unit; a failure inside a reader becomes a diagnostic on that file, and the run goes on.</summary>
    private LoadedFile Load(string path, bool isSource, Func<string, string> display)
    {
        try
        {
            return isSource
                ? SourceLoader.Load(path, display, _settings.Limits, ReadAllBytes)
                : RecordLoader.Load(path, display(path), _settings.Limits, ReadAllBytes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var file = new SourceFile(path, display(path), string.Empty);
            var problem = new LoadProblem(
                isSource ? RuleCatalogue.InvalidYaml : RuleCatalogue.InvalidJson,
                SourceRange.At(file, 0),
                $"soul-lint could not read this {(isSource ? "folder" : "file")} ({ex.GetType().Name}: {ex.Message}); please report it");
            return new LoadedFile(path, file.DisplayPath, LoadOutcome.Broken, file, null, new[] { problem });
        }
    }

    private byte[] ReadAllBytes(string fullPath) =>
        _overlay is not null && _overlay.TryGetValue(fullPath, out var text) ? System.Text.Encoding.UTF8.GetBytes(text) : File.ReadAllBytes(fullPath);

    private static bool IsSourceFile(string fullPath)
    {
        var name = Path.GetFileName(fullPath);
        return string.Equals(name, SourceLoader.BodyFileName, StringComparison.Ordinal) || string.Equals(name, SourceLoader.MetadataFileName, StringComparison.Ordinal);
    }

    private (List<Diagnostic>, ComputedMetadata?) Check(LoadedFile file, CorpusIndex index)
    {
        var findings = new List<Finding>();
        foreach (var problem in file.Problems)
        {
            findings.Add(new Finding(problem.Rule, problem.Range, problem.Message, problem.Severity));
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
            computed = ComputedCalculator.Compute(document, _settings.Contract.Sections, index.BacklinksOf(document.Slug));
            var context = new RuleContext(document, index, _settings.Contract, computed, _settings, findings);
            var scope = document.Form == DocumentForm.Record ? RuleScope.Records : RuleScope.Sources;
            for (var r = 0; r < RuleSet.DocumentRules.Count; r++)
            {
                var rule = RuleSet.DocumentRules[r];
                if ((rule.Descriptor.Scope & scope) == 0 || _settings.SeverityOf(rule.Descriptor) == Severity.Off)
                {
                    continue;
                }

                var started = _settings.MeasureRules ? Stopwatch.GetTimestamp() : 0;
                context.Current = rule.Descriptor;
                try
                {
                    rule.Check(context);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One rule failing on odd input must not hide what the others found.
                    context.Report(document.AnchorRange, $"soul-lint could not finish this check ({ex.GetType().Name}: {ex.Message}); please report it");
                }

                if (_settings.MeasureRules)
                {
                    System.Threading.Interlocked.Add(ref _ruleTicks[r], Stopwatch.GetTimestamp() - started);
                }
            }
        }

        var diagnostics = new List<Diagnostic>(findings.Count);
        foreach (var finding in findings)
        {
            var severity = _settings.SeverityOf(finding.Rule, finding.Severity);
            if (severity == Severity.Off)
            {
                continue;
            }

            diagnostics.Add(ToDiagnostic(finding, severity, document?.Slug));
        }

        if (document is not null && document.Form == DocumentForm.Source)
        {
            diagnostics = InlineSuppressions.Apply(document.Files, diagnostics, _settings.SeverityOf);
        }

        return (diagnostics, computed);
    }

    private static Diagnostic ToDiagnostic(Finding finding, Severity severity, string? slug)
    {
        var range = finding.Range;
        var start = range.File.GetPosition(range.Start);
        var end = range.File.GetPosition(Math.Max(range.Start, range.End));
        return new Diagnostic(finding.Rule, severity, range.File.DisplayPath, start.Line, start.Column, end.Line, end.Column, slug, finding.Message)
        {
            FullPath = range.File.FullPath,
            Source = range.File,
            Fix = finding.Fix,
        };
    }

    private void Run(int count, Action<int> body)
    {
        if (_settings.Parallel && count > 1)
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
    }

    private static bool IsNamed(string fullPath, List<Target> targets) =>
        targets.Any(t => t.IsDirectory ? PathDisplay.IsUnder(fullPath, t.FullPath) : string.Equals(fullPath, t.FullPath, StringComparison.Ordinal));

    private static List<Target> ResolveTargets(IReadOnlyList<string> paths, string workingDirectory)
    {
        var targets = new List<Target>();
        foreach (var path in paths.Count == 0 ? new[] { "." } : paths)
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, path)).TrimEnd(Path.DirectorySeparatorChar);
            if (full.Length == 0)
            {
                full = Path.DirectorySeparatorChar.ToString();
            }

            if (Directory.Exists(full))
            {
                targets.Add(new Target(full, true));
            }
            else if (File.Exists(full))
            {
                targets.Add(new Target(full, false));
            }
            else
            {
                throw new LintUsageException($"path not found: {path}");
            }
        }

        return targets;
    }

    private sealed record Target(string FullPath, bool IsDirectory);
}
