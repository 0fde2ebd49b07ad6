using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The engine as a host without a disk uses it (the analyzer, an editor): the corpus exists only
/// in memory, under a folder that does not exist, and the diagnostics must be exactly those the
/// disk adapter and the CLI get for the same files, spans included.
/// </summary>
public sealed class InMemoryEngineTests
{
    private static readonly string VirtualRoot = Path.Combine(Path.GetTempPath(), "soul-lint-in-memory-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> Cases() => RuleFixtureTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_corpus_in_memory_gets_exactly_the_diagnostics_of_the_same_files_on_disk(string ruleName, string caseName)
    {
        var folder = Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName);
        var root = Path.Combine(VirtualRoot, ruleName, caseName);
        Assert.False(Directory.Exists(root));

        var onDisk = Lint.Run(SettingsFor(folder, folder), folder);
        var documents = ContentFiles(folder).Select(p => ContentFile.FromBytes(Path.Combine(root, Path.GetRelativePath(folder, p)), File.ReadAllBytes(p))).ToList();
        var inMemory = Lint.Engine.Lint(new LintRequest(documents, SettingsFor(folder, root)) { BaseDirectory = root });

        Assert.Equal(Describe(onDisk.Diagnostics, folder), Describe(inMemory.Diagnostics, root));
        Assert.Equal(onDisk.Occupations, inMemory.Occupations);
    }

    [Fact]
    public void A_document_that_exists_only_in_memory_is_a_link_target_and_its_size_is_judged_on_the_text_given()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "corpus");
        using var corpus = Disk.DiskCorpus.Load(new[] { "." }, folder, Lint.AllRules());
        var clean = Lint.Engine.Lint(corpus.Request(Lint.AllRules()));
        Assert.DoesNotContain(clean.Diagnostics, Lint.NotAHint);

        // Drop one occupation (its folder and its record) from the documents: links to it break, though its files are on disk.
        var removed = corpus.Documents.Where(d => d.Path.Contains("ship-captain", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, removed.Count);
        var without = corpus.Documents.Except(removed).ToList();
        var broken = Lint.Engine.Lint(new LintRequest(without, Lint.AllRules()) { BaseDirectory = folder });
        Assert.Contains(broken.Diagnostics, d => d.Rule == RuleCatalogue.RelatedExists && d.Message.Contains("ship-captain", StringComparison.Ordinal));

        // The same folder under a path that exists nowhere on disk: links resolve again.
        var moved = removed.Where(d => !d.Path.EndsWith(".json", StringComparison.Ordinal))
            .Select(d => ContentFile.FromBytes(Path.Combine(VirtualRoot, "elsewhere", "souls", "ship-captain", Path.GetFileName(d.Path)), d.Content.ToArray())).ToList();
        Assert.False(Directory.Exists(Path.Combine(VirtualRoot, "elsewhere")));
        var elsewhere = without.Concat(moved).ToList();
        Assert.DoesNotContain(Lint.Engine.Lint(new LintRequest(elsewhere, Lint.AllRules()) { BaseDirectory = folder }).Diagnostics, Lint.NotAHint);

        // A text larger than the limit is over the limit, whatever is on disk.
        var small = Lint.AllRules() with { Limits = new Loading.LoadLimits { MaxFileBytes = 64 } };
        var limited = Lint.Engine.Lint(new LintRequest(elsewhere, small) { BaseDirectory = folder, Scope = LintScope.OfFiles(moved[0].Path) });
        Assert.Contains(limited.Diagnostics, d => d.Rule == RuleCatalogue.ResourceLimit && d.FullPath == moved[0].Path);
    }

    [Fact]
    public void Editing_one_document_in_memory_changes_only_what_it_affects()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "corpus");
        using var corpus = Disk.DiskCorpus.Load(new[] { "." }, folder, Lint.AllRules());
        var engine = new LintEngine(Lint.Contract);
        var documents = corpus.Documents.ToList();
        var index = documents.FindIndex(d => d.Path.EndsWith(Path.Combine("souls", "ship-captain", "metadata.yaml"), StringComparison.Ordinal));
        var text = System.Text.Encoding.UTF8.GetString(documents[index].Content.ToArray());
        var edited = text.Replace("slug: 'ship-captain'", "slug: 'ship-captian'", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        documents[index] = ContentFile.FromText(documents[index].Path, edited);

        var result = engine.Lint(new LintRequest(documents, Lint.AllRules()) { BaseDirectory = folder, Scope = LintScope.OfFiles(documents[index].Path) });
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.SlugMatchesPath);
        Assert.Equal("souls/ship-captain/metadata.yaml", diagnostic.File);
        Assert.Equal("'ship-captian'", edited.Substring(diagnostic.Start, diagnostic.Length));
        Assert.All(result.Diagnostics, d => Assert.Equal(documents[index].Path, d.FullPath));
    }

    [Fact]
    public void Cancelling_a_large_lint_stops_it_promptly_and_leaves_no_work_running()
    {
        var template = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls", "ship-captain.json"));
        var documents = Enumerable.Range(0, 4000)
            .Select(i => ContentFile.FromText(Path.Combine(VirtualRoot, "cancel", $"ship-captain-{i}.json"), template.Replace("\"ship-captain\"", $"\"ship-captain-{i}\"", StringComparison.Ordinal)))
            .ToList();
        var progress = new LintProgress();
        using var cancellation = new CancellationTokenSource();
        var settings = Lint.AllRules() with { MaxDegreeOfParallelism = 2 };
        var request = new LintRequest(documents, settings) { Progress = progress };
        var engine = new LintEngine(Lint.Contract);

        var watcher = new Thread(() =>
        {
            while (progress.Done < 200)
            {
                Thread.Sleep(1);
            }

            cancellation.Cancel();
        });
        watcher.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => engine.Lint(request, cancellation.Token));
        watcher.Join();

        var done = progress.Done;
        Assert.True(done < progress.Total, $"{done} of {progress.Total} units were done: the run was not cut short");
        Thread.Sleep(200);
        Assert.Equal(done, progress.Done);
    }

    [Fact]
    public void A_host_that_maps_severities_itself_gets_the_rules_that_are_off()
    {
        var folder = Path.Combine(TestPaths.Fixtures, "rules", "orphan", "invalid");
        var off = new LintSettings { Today = Lint.Today };
        Assert.Equal(Severity.Off, off.SeverityOf(RuleCatalogue.Orphan));
        Assert.DoesNotContain(Lint.Run(off, folder).Diagnostics, d => d.Rule == RuleCatalogue.Orphan);

        var all = Lint.Run(off with { RunDisabledRules = true }, folder).Diagnostics.Where(d => d.Rule == RuleCatalogue.Orphan).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, d => Assert.Equal(Severity.Off, d.Severity));
    }

    /// <summary>The fixture's own config, if it has one, read as the CLI reads it but with its folder at <paramref name="root"/>.</summary>
    private static LintSettings SettingsFor(string folder, string root)
    {
        var configPath = Path.Combine(folder, LintConfig.FileName);
        if (!File.Exists(configPath))
        {
            return Lint.AllRules();
        }

        var config = LintConfig.Parse(File.ReadAllText(configPath), Path.Combine(root, LintConfig.FileName), LintConfig.FileName);
        var settings = LintConfig.ToSettings(config, config.LoadContract(p => File.Exists(p.Replace(root, folder, StringComparison.Ordinal)) ? File.ReadAllText(p.Replace(root, folder, StringComparison.Ordinal)) : null));
        return settings with { Today = Lint.Today, CollectComputed = true, Severities = Lint.AllRules().Severities.Concat(settings.Severities).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) };
    }

    /// <summary>The content files of a fixture folder: records and source files, as a host would hand them over.</summary>
    private static IEnumerable<string> ContentFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) is "SOUL.md" or "metadata.yaml" || (p.EndsWith(".json", StringComparison.Ordinal) && Path.GetFileName(p) != LintConfig.FileName))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics, string root) =>
        diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} [{d.Start}+{d.Length}] {d.Severity} {d.Rule.Id} {d.Message} | {(d.FullPath is null ? "-" : Path.GetRelativePath(root, d.FullPath))}").ToList();
}
