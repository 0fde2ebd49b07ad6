using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Tests.Parity;

/// <summary>What a differential batch found.</summary>
internal sealed class ParityReport
{
    public int Souls { get; set; }

    public int FieldsCompared { get; set; }

    public List<string> Mismatches { get; } = new();

    public List<string> FalseErrors { get; } = new();

    public int Rejected { get; set; }

    public int Recalled { get; set; }

    /// <summary>Souls the validator stops on (a title that is not a string) and so does not judge.</summary>
    public int Unjudged { get; set; }

    public List<string> Missed { get; } = new();

    public void Add(ParityReport other)
    {
        Souls += other.Souls;
        FieldsCompared += other.FieldsCompared;
        Mismatches.AddRange(other.Mismatches);
        FalseErrors.AddRange(other.FalseErrors);
        Rejected += other.Rejected;
        Recalled += other.Recalled;
        Unjudged += other.Unjudged;
        Missed.AddRange(other.Missed);
    }

    public string Summary() =>
        $"{Souls} edited souls, {FieldsCompared} fields compared: {Mismatches.Count} mismatches, {FalseErrors.Count} false errors on generated records, " +
        $"validator rejected {Rejected} souls, soul-lint reported an error on {Recalled} of them ({Unjudged} the validator stops on were not judged)";

    public string Details(int max = 40) => string.Join(
        Environment.NewLine,
        new[] { Summary() }
            .Concat(Mismatches.Take(max).Select(m => "mismatch: " + m))
            .Concat(FalseErrors.Take(max).Select(m => "false error: " + m))
            .Concat(Missed.Take(max).Select(m => "missed: " + m)));
}

/// <summary>
/// One differential batch: a seeded sample of real souls, edited, generated and validated by the
/// site's own scripts, then computed and linted by soul-lint, and the two compared field by field.
/// </summary>
internal static class ParityRun
{
    public static ParityReport Batch(int seed, int soulCount)
    {
        var random = new Random(seed);
        var corpus = SiteOracle.CorpusFolder;
        var authored = Directory.GetDirectories(Path.Combine(corpus, "souls")).OrderBy(d => d, StringComparer.Ordinal).ToList();
        var mirrored = Directory.GetDirectories(Path.Combine(corpus, "mirrored")).SelectMany(Directory.GetDirectories).OrderBy(d => d, StringComparer.Ordinal).ToList();
        var chosen = authored.OrderBy(_ => random.Next()).Take(soulCount).ToList();
        chosen.AddRange(mirrored.OrderBy(_ => random.Next()).Take(Math.Max(1, soulCount / 20)));

        var tree = SiteOracle.NewWorkTree();
        var records = tree + "-records";
        try
        {
            var slugs = chosen.Select(Path.GetFileName).Select(s => s!).ToList();
            var minWords = SectionMinWords(Path.Combine(tree, "schema", "sections.json"));
            var editor = new SoulEdits(seed, slugs, minWords);
            var editsBySlug = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var folder in chosen)
            {
                var slug = Path.GetFileName(folder);
                var relative = Path.GetRelativePath(corpus, folder);
                var target = Path.Combine(tree, relative);
                SiteOracle.CopyDirectory(folder, target);
                var soul = File.ReadAllText(Path.Combine(target, "SOUL.md"));
                var metadata = File.ReadAllText(Path.Combine(target, "metadata.yaml"));
                var isMirror = relative.StartsWith("mirrored", StringComparison.Ordinal);
                var applied = editor.Edit(slug, ref soul, ref metadata, isMirror);
                File.WriteAllBytes(Path.Combine(target, "SOUL.md"), new UTF8Encoding(false).GetBytes(soul));
                File.WriteAllBytes(Path.Combine(target, "metadata.yaml"), new UTF8Encoding(false).GetBytes(metadata));
                editsBySlug[slug] = string.Join("; ", applied);
            }

            AddFoldersThatAreNotSouls(tree, slugs, new Random(seed ^ 0x5EED));

            var oracle = SiteOracle.Generate(tree);
            Directory.CreateDirectory(records);
            foreach (var file in Directory.GetFiles(oracle.RecordsFolder, "*.json"))
            {
                File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
            }

            Directory.Delete(Path.Combine(tree, "public"), recursive: true);
            Directory.Delete(Path.Combine(tree, "src"), recursive: true);

            return Compare(tree, records, oracle, chosen.Select(c => Path.Combine(tree, Path.GetRelativePath(corpus, c))).ToList(), editsBySlug, seed);
        }
        finally
        {
            // SOUL_LINT_PARITY_KEEP leaves the edited corpus and its records behind, to replay a batch by hand.
            if (Environment.GetEnvironmentVariable("SOUL_LINT_PARITY_KEEP") is not { Length: > 0 })
            {
                TryDelete(tree);
                TryDelete(records);
            }
        }
    }

    /// <summary>
    /// Folders the site does not publish, though they look like souls, that relate to the sample: a
    /// folder without SOUL.md (work in progress) and one whose name starts with a dot. Their links
    /// are not edges of the site's graph, so they add no backlinks.
    /// </summary>
    private static void AddFoldersThatAreNotSouls(string tree, IReadOnlyList<string> slugs, Random random)
    {
        if (slugs.Count == 0)
        {
            return;
        }

        var template = Path.Combine(tree, "souls", slugs[0]);
        if (!File.Exists(Path.Combine(template, "metadata.yaml")))
        {
            return;
        }

        string Related() => "\n" + string.Join("\n", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"  - {{ slug: '{slugs[random.Next(slugs.Count)]}', type: related }}"));
        if (random.Next(2) == 0)
        {
            var folder = Path.Combine(tree, "souls", "work-in-progress-" + random.Next(100).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "metadata.yaml"), SoulEdits.SetKey(SoulEdits.SetKey(File.ReadAllText(Path.Combine(template, "metadata.yaml")), "slug", " " + Path.GetFileName(folder)), "related", Related()));
        }

        if (random.Next(2) == 0)
        {
            var folder = Path.Combine(tree, "souls", "." + slugs[random.Next(slugs.Count)]);
            SiteOracle.CopyDirectory(template, folder);
            File.WriteAllText(Path.Combine(folder, "metadata.yaml"), SoulEdits.SetKey(File.ReadAllText(Path.Combine(template, "metadata.yaml")), "related", Related()));
        }
    }

    private static ParityReport Compare(string tree, string records, OracleRun oracle, IReadOnlyList<string> folders, IReadOnlyDictionary<string, string> edits, int seed)
    {
        var report = new ParityReport { Souls = folders.Count };
        var paths = new[] { "souls", "mirrored" }.Where(p => Directory.Exists(Path.Combine(tree, p))).ToArray();
        var sources = ParityLint.Lint(tree, paths);
        var recordLint = ParityLint.Lint(records, ".");
        var computedBySlug = sources.Computed.GroupBy(c => c.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sourceErrors = ErrorsBySlugFolder(sources.Diagnostics.Where(d => d.Severity == Severity.Error), tree);

        // On a fresh record, an error its source does not share is false, and so is any finding of a
        // rule that only judges records (stale html, citation, git block): nothing is stale yet.
        var recordErrors = ErrorsBySlugFolder(recordLint.Diagnostics.Where(d => d.Severity == Severity.Error || (d.Severity == Severity.Warning && d.Rule.Scope == RuleScope.Records)), records);

        foreach (var folder in folders)
        {
            var slug = Path.GetFileName(folder);
            var where = $"seed {seed.ToString(CultureInfo.InvariantCulture)} {slug} [{edits[slug]}]";
            var recordPath = Path.Combine(records, slug + ".json");
            if (!File.Exists(recordPath))
            {
                report.Mismatches.Add(where + ": the generator wrote no record");
                continue;
            }

            // Strings stay strings: a title that is an ISO timestamp is compared as written.
            using var textReader = new Newtonsoft.Json.JsonTextReader(new StringReader(File.ReadAllText(recordPath))) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
            var record = JObject.Load(textReader);
            if (!computedBySlug.TryGetValue(slug, out var computed))
            {
                report.Mismatches.Add(where + ": soul-lint computed nothing for this folder");
                continue;
            }

            void Check(string field, object? expected, object? actual)
            {
                report.FieldsCompared++;
                if (!Equals(expected, actual))
                {
                    report.Mismatches.Add($"{where}: {field} is {Show(expected)} on the site, {Show(actual)} in soul-lint");
                }
            }

            var c = record["computed"]!;
            Check("computed.wordCount", (long)c["wordCount"]!, (long)computed.WordCount);
            Check("computed.readingTimeMinutes", (long)c["readingTimeMinutes"]!, (long)computed.ReadingTimeMinutes);
            Check("computed.completeness", (double)c["completeness"]!, computed.Completeness);
            Check("computed.backlinks", string.Join(",", c["backlinks"]!.Select(t => (string)t!)), string.Join(",", computed.Backlinks));
            Check("computed.verified", (bool)c["verified"]!, computed.Verified);
            Check("computed.aiDrafted", (bool)c["aiDrafted"]!, computed.AiDrafted);
            Check("computed.unverifiedAiDraft", (bool)c["unverifiedAiDraft"]!, computed.UnverifiedAiDraft);
            Check("computed.federated", (bool)c["federated"]!, computed.Federated);
            // A title that is not a string is published as it is (a number, a boolean, an array) and cited as JavaScript prints it.
            Check("title", record["title"] is { } t ? ComputedCalculator.PrintedTitle(t) : null, computed.Title);

            var sections = (JArray)record["sections"]!;
            var loaded = ParityLint.LoadSource(folder).Document;
            Check("sections.length", sections.Count, computed.Sections.Count);
            for (var i = 0; i < Math.Min(sections.Count, computed.Sections.Count); i++)
            {
                var s = sections[i];
                var mine = computed.Sections[i];
                Check($"sections[{i}].heading", (string?)s["heading"], mine.Heading);
                Check($"sections[{i}].id (of {Show(mine.Heading)})", (string?)s["id"], mine.Id);
                Check($"sections[{i}].wordCount", (long)s["wordCount"]!, (long)mine.WordCount);
                if (loaded is not null && i < loaded.Sections.Count)
                {
                    Check($"sections[{i}].markdown", (string?)s["markdown"], loaded.Sections[i].Markdown);
                }
            }

            var recordDocument = ParityLint.LoadRecord(recordPath, slug + ".json").Document;
            if (recordDocument is not null && record["citation"] is JObject citation)
            {
                var facts = CitationBuilder.Facts(recordDocument, CitationBuilder.DefaultSiteUrl);
                var title = ComputedCalculator.PrintedTitle(record["title"]!);
                Check("citation.apa", (string?)citation["apa"], CitationBuilder.Apa(facts, title));
                Check("citation.text", (string?)citation["text"], CitationBuilder.Text(facts, title));
                Check("citation.bibtex", (string?)citation["bibtex"], CitationBuilder.Bibtex(facts, slug, title));
            }

            // No error on the fresh record that its source does not also have.
            var mineOnSource = sourceErrors.TryGetValue(slug, out var se) ? se : new List<Diagnostic>();
            if (recordErrors.TryGetValue(slug, out var re))
            {
                foreach (var error in re.Where(e => !mineOnSource.Any(s => s.RuleId == e.RuleId)))
                {
                    report.FalseErrors.Add($"{where}: {error.RuleId} {error.Message}");
                }
            }

            // An error on every soul the validator rejects. A dangling related slug is not evidence: the
            // validator only warns about it, and a sample of the corpus has many.
            var evidence = mineOnSource.Where(d => d.Rule != RuleCatalogue.RelatedExists).ToList();
            if (oracle.Unjudged.Contains(slug, StringComparer.Ordinal))
            {
                report.Unjudged++;
            }
            else if (oracle.ValidatorErrors.TryGetValue(slug, out var rejected))
            {
                report.Rejected++;
                if (evidence.Count > 0)
                {
                    report.Recalled++;
                }
                else
                {
                    report.Missed.Add($"{where}: the validator says {string.Join(" | ", rejected)}");
                }
            }
        }

        return report;
    }

    /// <summary>Error diagnostics keyed by the soul they are on: the folder name for sources, the file name for records.</summary>
    private static Dictionary<string, List<Diagnostic>> ErrorsBySlugFolder(IEnumerable<Diagnostic> diagnostics, string root)
    {
        var map = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var d in diagnostics.Where(d => d.FullPath is not null))
        {
            var relative = Path.GetRelativePath(root, d.FullPath!);
            var slug = relative.EndsWith(".json", StringComparison.Ordinal) && !relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? Path.GetFileNameWithoutExtension(relative)
                : Path.GetFileName(Path.GetDirectoryName(d.FullPath!))!;
            if (!map.TryGetValue(slug, out var list))
            {
                map[slug] = list = new List<Diagnostic>();
            }

            list.Add(d);
        }

        return map;
    }

    private static Dictionary<string, int> SectionMinWords(string sectionsJson)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in (JArray)JObject.Parse(File.ReadAllText(sectionsJson))["sections"]!)
        {
            map[(string)section["heading"]!] = (int?)section["minWords"] ?? 0;
        }

        return map;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
