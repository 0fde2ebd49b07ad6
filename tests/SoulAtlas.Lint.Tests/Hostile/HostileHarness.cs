using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Computation;
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
        Parallel = false,
        Limits = limits ?? LoadLimits.Default,
        Severities = RuleCatalogue.All.Where(r => r.DefaultSeverity == Severity.Off).ToDictionary(r => r.Id, _ => Severity.Warning),
    };

    public static List<HostileFinding> Record(string json, LintSettings? settings = null, string slug = "subject") =>
        RecordBytes(Encoding.UTF8.GetBytes(json), settings, slug);

    /// <summary>A record read from <paramref name="bytes"/> as if it were <c>api/souls/&lt;slug&gt;.json</c>.</summary>
    public static List<HostileFinding> RecordBytes(byte[] bytes, LintSettings? settings = null, string slug = "subject")
    {
        settings ??= AllRules();
        var path = Path.Combine(Path.GetTempPath(), "soul-lint-hostile", "api", "souls", slug + ".json");
        var loaded = RecordLoader.Parse(path, "api/souls/" + slug + ".json", bytes, settings.Limits, new List<LoadProblem>());
        return Check(loaded, settings);
    }

    /// <summary>A source folder <c>souls/&lt;slug&gt;/</c> with these files (null: the file is absent), written to a temporary folder.</summary>
    public static List<HostileFinding> Source(string? soulMarkdown, string? metadataYaml, LintSettings? settings = null, string slug = "subject") =>
        SourceBytes(soulMarkdown is null ? null : Encoding.UTF8.GetBytes(soulMarkdown), metadataYaml is null ? null : Encoding.UTF8.GetBytes(metadataYaml), settings, slug);

    public static List<HostileFinding> SourceBytes(byte[]? soulMarkdown, byte[]? metadataYaml, LintSettings? settings = null, string slug = "subject")
    {
        settings ??= AllRules();
        var root = Path.Combine(Path.GetTempPath(), "soul-lint-hostile", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "souls", slug);
        Directory.CreateDirectory(folder);
        try
        {
            if (soulMarkdown is not null)
            {
                File.WriteAllBytes(Path.Combine(folder, SourceLoader.BodyFileName), soulMarkdown);
            }

            if (metadataYaml is not null)
            {
                File.WriteAllBytes(Path.Combine(folder, SourceLoader.MetadataFileName), metadataYaml);
            }

            var loaded = SourceLoader.Load(folder, p => Path.GetRelativePath(root, p).Replace('\\', '/'), settings.Limits);
            return Check(loaded, settings);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The problems of loading, then every document rule, as the engine runs them on one unit.</summary>
    private static List<HostileFinding> Check(LoadedFile loaded, LintSettings settings)
    {
        var findings = new List<Finding>();
        foreach (var problem in loaded.Problems)
        {
            findings.Add(new Finding(problem.Rule, problem.Range, problem.Message, problem.Severity));
        }

        if (loaded.Document is { } document)
        {
            var index = new CorpusIndex(new[] { document });
            var computed = ComputedCalculator.Compute(document, settings.Contract.Sections, index.BacklinksOf(document.Slug));
            var context = new RuleContext(document, index, settings.Contract, computed, settings, findings);
            foreach (var rule in RuleSet.DocumentRules)
            {
                if (settings.SeverityOf(rule.Descriptor) == Severity.Off)
                {
                    continue;
                }

                context.Current = rule.Descriptor;
                rule.Check(context);
            }
        }

        return findings.Select(f =>
        {
            var start = f.Range.File.GetPosition(f.Range.Start);
            var end = f.Range.File.GetPosition(Math.Max(f.Range.Start, f.Range.End));
            return new HostileFinding(f.Rule.Name, f.Range.File.DisplayPath, start.Line, start.Column, end.Line, end.Column, f.Message);
        }).ToList();
    }
}
