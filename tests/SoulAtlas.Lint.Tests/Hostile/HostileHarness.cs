using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Hostile;

/// <summary>One finding of a hostile-input run, located as the engine locates it.</summary>
internal sealed record HostileFinding(string Rule, string File, int Line, int Column, int EndLine, int EndColumn, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}-{EndLine}:{EndColumn} {Rule}: {Message}";
}

/// <summary>
/// Runs the loaders and every document rule on one record or one source folder, in memory or in a
/// temporary folder, without the engine around them: a loader or a rule that throws is not turned
/// into a diagnostic here but escapes, so tests, the fuzzing harness and the scaling benchmark see it.
/// The one place that knows how the loaders and rules are called.
/// </summary>
internal static class HostileHarness
{
    /// <summary>Every rule on, rules that are off by default as warnings.</summary>
    public static LintSettings AllRules(LoadLimits? limits = null) => new()
    {
        Today = new DateTime(2026, 11, 24),
        Limits = limits ?? LoadLimits.Default,
        Severities = RuleCatalogue.All.Where(r => r.DefaultSeverity == Severity.Off).ToDictionary(r => r.Id, _ => Severity.Warning),
    };

    public static List<HostileFinding> Record(string json, LintSettings? settings = null, string slug = "subject") =>
        RecordBytes(Encoding.UTF8.GetBytes(json), settings, slug);

    /// <summary>A record read from <paramref name="bytes"/> as if it were <c>api/souls/&lt;slug&gt;.json</c>, checked by every rule.</summary>
    public static List<HostileFinding> RecordBytes(byte[] bytes, LintSettings? settings = null, string slug = "subject") =>
        LoadRecord(bytes, settings, slug).RunAll().Findings();

    /// <summary>A source folder <c>souls/&lt;slug&gt;/</c> with these files (null: the file is absent), checked by every rule.</summary>
    public static List<HostileFinding> Source(string? soulMarkdown, string? metadataYaml, LintSettings? settings = null, string slug = "subject") =>
        SourceBytes(soulMarkdown is null ? null : Encoding.UTF8.GetBytes(soulMarkdown), metadataYaml is null ? null : Encoding.UTF8.GetBytes(metadataYaml), settings, slug);

    public static List<HostileFinding> SourceBytes(byte[]? soulMarkdown, byte[]? metadataYaml, LintSettings? settings = null, string slug = "subject") =>
        LoadSource(soulMarkdown, metadataYaml, settings, slug).RunAll().Findings();

    /// <summary>Reads a record; its rules run when asked (<see cref="HostileUnit.Run"/>).</summary>
    public static HostileUnit LoadRecord(byte[] bytes, LintSettings? settings = null, string slug = "subject")
    {
        settings ??= AllRules();
        var path = Path.Combine(Path.GetTempPath(), "soul-lint-hostile", "api", "souls", slug + ".json");
        return new HostileUnit(RecordLoader.Parse(path, "api/souls/" + slug + ".json", bytes, settings.Limits, new List<LoadProblem>()), settings);
    }

    /// <summary>Reads a source folder written to a temporary folder (removed once read); its rules run when asked.</summary>
    public static HostileUnit LoadSource(byte[]? soulMarkdown, byte[]? metadataYaml, LintSettings? settings = null, string slug = "subject")
    {
        settings ??= AllRules();
        var root = Path.Combine(Path.GetTempPath(), "soul-lint-hostile", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "souls", slug);
        var body = soulMarkdown is null ? null : ContentFile.FromBytes(Path.Combine(folder, SourceLoader.BodyFileName), soulMarkdown);
        var metadata = metadataYaml is null ? null : ContentFile.FromBytes(Path.Combine(folder, SourceLoader.MetadataFileName), metadataYaml);
        return new HostileUnit(SourceLoader.Load(folder, body, metadata, p => Path.GetRelativePath(root, p).Replace('\\', '/'), settings.Limits), settings);
    }
}

/// <summary>One loaded unit, with what the rules need: the index of a corpus of this one document and its recomputed metadata.</summary>
internal sealed class HostileUnit
{
    private static readonly Lazy<ContentContract> BuiltIn = new(ContentContract.LoadDefault);

    /// <summary>The rules' caches, shared by every unit as one engine shares them.</summary>
    private static readonly RuleCaches Caches = new();

    private static ContentContract Contract => BuiltIn.Value;

    private readonly List<Finding> _findings = new();
    private readonly LintSettings _settings;
    private RuleContext? _context;

    internal HostileUnit(LoadedFile loaded, LintSettings settings)
    {
        Loaded = loaded;
        _settings = settings;
        foreach (var problem in loaded.Problems)
        {
            _findings.Add(new Finding(problem.Rule, problem.Range, problem.Message, problem.Severity));
        }
    }

    public LoadedFile Loaded { get; }

    /// <summary>Builds the index and recomputes the metadata (what the engine does before the rules run).</summary>
    public HostileUnit Prepare()
    {
        if (_context is null && Loaded.Document is { } document)
        {
            var index = new CorpusIndex(new[] { document });
            var contract = _settings.CustomContract ?? Contract;
            var computed = ComputedCalculator.Compute(document, contract.Sections, index.BacklinksOf(document.Slug));
            _context = new RuleContext(document, index, contract, computed, _settings, Caches, _findings);
        }

        return this;
    }

    /// <summary>Runs one rule, as the engine does, but lets an exception escape.</summary>
    public void Run(Rule rule)
    {
        Prepare();
        if (_context is null || _settings.SeverityOf(rule.Descriptor) == Severity.Off)
        {
            return;
        }

        _context.Current = rule.Descriptor;
        rule.Check(_context);
    }

    public HostileUnit RunAll()
    {
        foreach (var rule in RuleSet.DocumentRules)
        {
            Run(rule);
        }

        return this;
    }

    public List<HostileFinding> Findings() => _findings.Select(f =>
    {
        var start = f.Range.File.GetPosition(f.Range.Start);
        var end = f.Range.File.GetPosition(Math.Max(f.Range.Start, f.Range.End));
        return new HostileFinding(f.Rule.Name, f.Range.File.DisplayPath, start.Line, start.Column, end.Line, end.Column, f.Message);
    }).ToList();
}
