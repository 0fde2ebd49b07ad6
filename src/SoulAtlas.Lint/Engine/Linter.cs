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
    public LintResult(IReadOnlyList<Diagnostic> diagnostics, int files, int occupations, long elapsedMs, IReadOnlyList<ComputedMetadata> computed)
    {
        Diagnostics = diagnostics;
        Files = files;
        Occupations = occupations;
        ElapsedMs = elapsedMs;
        Computed = computed;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Files the run reports on (the named ones).</summary>
    public int Files { get; }

    /// <summary>Occupations the run reports on.</summary>
    public int Occupations { get; }

    public long ElapsedMs { get; }

    /// <summary>Recomputed metadata of the reported occupations, in path order.</summary>
    public IReadOnlyList<ComputedMetadata> Computed { get; }

    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);
}

/// <summary>
/// Runs the pipeline: discover → read and parse every file once (in parallel) → index the corpus
/// once → recompute metadata and run the rules for the named files → resolve locations and sort.
/// </summary>
public sealed class Linter
{
    private readonly LintSettings _settings;

    public Linter(LintSettings settings)
    {
        _settings = settings;
    }

    /// <exception cref="LintUsageException">A path does not exist.</exception>
    public LintResult Lint(IReadOnlyList<string> paths, string workingDirectory)
    {
        var stopwatch = Stopwatch.StartNew();
        var targets = ResolveTargets(paths, workingDirectory);
        var roots = targets.Select(t => CorpusDiscovery.FindRoot(t.FullPath)).Distinct(StringComparer.Ordinal).ToList();

        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            candidates.UnionWith(CorpusDiscovery.FindJsonFiles(root));
        }

        foreach (var target in targets.Where(t => !t.IsDirectory))
        {
            candidates.Add(target.FullPath);
        }

        var files = candidates.ToList();
        var loaded = new LoadedFile[files.Count];
        Run(files.Count, i => loaded[i] = RecordLoader.Load(files[i], PathDisplay.Relative(workingDirectory, files[i]), _settings.Limits));

        var recordFolders = new HashSet<string>(
            loaded.Where(l => l.Outcome == LoadOutcome.Occupation).Select(l => Path.GetDirectoryName(l.FullPath) ?? string.Empty),
            StringComparer.Ordinal);
        var documents = loaded.Where(l => l.Document is not null).Select(l => l.Document!).ToList();
        var index = new CorpusIndex(documents);

        var reported = new List<LoadedFile>();
        foreach (var file in loaded)
        {
            if (!IsNamed(file.FullPath, targets))
            {
                continue;
            }

            var explicitlyNamed = targets.Any(t => !t.IsDirectory && string.Equals(t.FullPath, file.FullPath, StringComparison.Ordinal));
            var inRecordFolder = recordFolders.Contains(Path.GetDirectoryName(file.FullPath) ?? string.Empty);
            if (file.Outcome == LoadOutcome.Occupation || explicitlyNamed || inRecordFolder)
            {
                reported.Add(file);
            }
        }

        var perFile = new List<Diagnostic>[reported.Count];
        var computed = new ComputedMetadata?[reported.Count];
        Run(reported.Count, i => (perFile[i], computed[i]) = Check(reported[i], index));

        var diagnostics = perFile.SelectMany(d => d).ToList();
        diagnostics.Sort(Diagnostics.DiagnosticOrder.Instance);
        return new LintResult(
            diagnostics,
            reported.Count,
            reported.Count(f => f.Document is not null),
            stopwatch.ElapsedMilliseconds,
            computed.Where(c => c is not null).Select(c => c!).ToList());
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
            foreach (var rule in RuleSet.DocumentRules)
            {
                if ((rule.Descriptor.Scope & scope) == 0 || _settings.SeverityOf(rule.Descriptor) == Severity.Off)
                {
                    continue;
                }

                context.Current = rule.Descriptor;
                rule.Check(context);
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
        };
    }

    private void Run(int count, Action<int> body)
    {
        if (_settings.Parallel && count > 1)
        {
            Parallel.For(0, count, body);
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
