using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Formatting;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Files named by a version (<see cref="ContentFile.Version"/>): the cache takes the digest it made of
/// a path's bytes at that version instead of reading them, and the disk adapter names a version only
/// for a file that cannot change without its version changing.
/// </summary>
public sealed class CacheVersionTests
{
    private static readonly string Corpus = Path.Combine(TestPaths.Fixtures, "corpus");

    [Fact]
    public void A_file_at_a_version_the_cache_has_seen_is_not_read_and_a_new_version_is()
    {
        var files = Directory.GetFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);
        var versions = files.Keys.ToDictionary(f => f, _ => "1", StringComparer.Ordinal);
        var reads = new ConcurrentBag<string>();
        List<ContentFile> Documents() => files
            .Select(f => ContentFile.FromSource(f.Key, f.Value.Length, () => { reads.Add(f.Key); return f.Value; }).WithVersion(versions[f.Key]))
            .ToList();
        string Cold() => Report(Lint.Engine.Lint(new LintRequest(files.Select(f => ContentFile.FromBytes(f.Key, f.Value)).ToList(), Settings()) { BaseDirectory = Corpus }));
        var engine = new LintEngine();
        var cache = new LintCache();
        LintResult Warm()
        {
            reads.Clear();
            return engine.Lint(new LintRequest(Documents(), Settings()) { BaseDirectory = Corpus, Cache = cache });
        }

        var first = Warm();
        Assert.Equal(Cold(), Report(first));
        Assert.Contains(files.Keys.First(), reads);

        // Every file at the version the cache saw: nothing checked, nothing read; the files the
        // reused diagnostics point into are read only when their text is asked for (code frames).
        var second = Warm();
        Assert.Equal(Cold(), Report(second));
        Assert.Empty(reads);
        var frames = new ReportOptions { ToolVersion = "test", CodeFrames = true };
        var coldResult = Lint.Engine.Lint(new LintRequest(files.Select(f => ContentFile.FromBytes(f.Key, f.Value)).ToList(), Settings()) { BaseDirectory = Corpus });
        Assert.Equal(TextFormatter.Format(coldResult, frames), TextFormatter.Format(second, frames));
        Assert.Subset(PointedInto(first), reads.ToHashSet());
        Assert.InRange(reads.Distinct().Count(), 1, files.Count / 2);
        Assert.Equal((0, first.Cache!.Checked + first.Cache.Reused), (second.Cache!.Checked, second.Cache.Reused));

        // An edit comes with a new version: that file is read and its occupation checked again.
        var soul = files.Keys.Single(f => f.EndsWith(Path.Combine("deckhand", "SOUL.md"), StringComparison.Ordinal));
        files[soul] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files[soul]) + "\nIt is important to note the tide.\n");
        versions[soul] = "2";
        var edited = Warm();
        Assert.Equal(Cold(), Report(edited));
        Assert.Contains("banned-phrase", Report(edited), StringComparison.Ordinal);
        Assert.Equal(new[] { soul }, reads.Distinct().Where(r => r == soul).ToArray());
        Assert.DoesNotContain(files.Keys.First(f => f != soul && !f.Contains("deckhand", StringComparison.Ordinal)), reads);

        // A new version of the same bytes: read and hashed, and the result reused.
        versions[soul] = "3";
        var touched = Warm();
        Assert.Equal(Cold(), Report(touched));
        Assert.Contains(soul, reads);
        Assert.Equal(0, touched.Cache!.Checked);

        // Without versions every file is read, as before.
        versions = files.Keys.ToDictionary(f => f, _ => (string)null!, StringComparer.Ordinal);
        Warm();
        Assert.Equal(files.Keys.OrderBy(k => k, StringComparer.Ordinal), reads.Distinct().OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void The_cache_file_keeps_the_versions_so_the_next_process_reads_nothing()
    {
        var files = Directory.GetFiles(Corpus, "*.json", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);
        var reads = new ConcurrentBag<string>();
        List<ContentFile> Documents() => files.Select(f => ContentFile.FromSource(f.Key, f.Value.Length, () => { reads.Add(f.Key); return f.Value; }).WithVersion("7:" + f.Key.Length)).ToList();
        var cache = new LintCache();
        new LintEngine().Lint(new LintRequest(Documents(), Settings()) { BaseDirectory = Corpus, Cache = cache });
        reads.Clear();
        var restored = LintCache.FromBytes(cache.ToBytes());
        var again = new LintEngine().Lint(new LintRequest(Documents(), Settings()) { BaseDirectory = Corpus, Cache = restored });
        Assert.Empty(reads);
        Assert.Equal(0, again.Cache!.Checked);
    }

    [Fact]
    public void A_reused_diagnostics_file_that_can_no_longer_be_read_loses_only_its_code_frame()
    {
        var files = Directory.GetFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);
        var gone = false;
        List<ContentFile> Documents() => files
            .Select(f => ContentFile.FromSource(f.Key, f.Value.Length, () => gone ? throw new IOException("No such file or directory") : f.Value).WithVersion("1"))
            .ToList();
        var engine = new LintEngine();
        var cache = new LintCache();
        var first = engine.Lint(new LintRequest(Documents(), Settings()) { BaseDirectory = Corpus, Cache = cache });
        var frames = new ReportOptions { ToolVersion = "test", CodeFrames = true };
        var plain = new ReportOptions { ToolVersion = "test" };
        Assert.NotEmpty(first.Diagnostics);
        var (firstFrames, firstPlain) = (TextFormatter.Format(first, frames), TextFormatter.Format(first, plain));

        // Reused without reading; then the files vanish before the report asks for their text.
        var reused = engine.Lint(new LintRequest(Documents(), Settings()) { BaseDirectory = Corpus, Cache = cache });
        gone = true;
        var report = TextFormatter.Format(reused, frames);
        Assert.Equal(0, reused.Cache!.Checked);
        Assert.Equal(WithoutTime(firstPlain), WithoutTime(TextFormatter.Format(reused, plain)));
        Assert.NotEqual(WithoutTime(firstFrames), WithoutTime(report));
        foreach (var d in first.Diagnostics)
        {
            Assert.Contains($"{d.Line}:{d.Column}", report, StringComparison.Ordinal);
        }
    }

    [LinuxFact]
    public void The_disk_adapter_names_versions_only_for_files_changed_before_the_time_given()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Corpus);
        var settings = Settings();
        using (var none = DiskCorpus.Load(new[] { "." }, folder.Path, settings))
        {
            Assert.All(none.Documents, d => Assert.Null(d.Version));
        }

        using (var recent = DiskCorpus.Load(new[] { "." }, folder.Path, settings, versionsBefore: DateTime.UtcNow.AddHours(-1)))
        {
            Assert.All(recent.Documents, d => Assert.Null(d.Version));
        }

        using var settled = DiskCorpus.Load(new[] { "." }, folder.Path, settings, versionsBefore: DateTime.UtcNow.AddHours(1));
        Assert.NotEmpty(settled.Documents);
        Assert.All(settled.Documents, d => Assert.NotNull(d.Version));
        Assert.Equal(settled.Documents.Count, settled.Documents.Select(d => d.Version).Distinct().Count());
        var soul = settled.Documents.Single(d => d.Path.EndsWith(Path.Combine("deckhand", "SOUL.md"), StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(soul.Path), soul.Content.ToArray());
    }

    [LinuxFact]
    public void An_edit_changes_the_version_even_when_the_size_and_modification_time_are_put_back()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Corpus);
        var path = Path.Combine(folder.Path, "souls", "deckhand", "SOUL.md");
        string? VersionOf()
        {
            using var disk = DiskCorpus.Load(new[] { "." }, folder.Path, Settings(), versionsBefore: DateTime.UtcNow.AddHours(1));
            return disk.Documents.Single(d => d.Path == path).Version;
        }

        // A time stamp that .NET can put back to the nanosecond.
        var modified = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, modified);
        var before = VersionOf();
        Assert.Equal(before, VersionOf());
        var bytes = File.ReadAllBytes(path);
        var changed = (byte[])bytes.Clone();
        changed[^2] = changed[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        System.Threading.Thread.Sleep(20);
        File.WriteAllBytes(path, changed);
        File.SetLastWriteTimeUtc(path, modified);
        Assert.Equal((bytes.Length, modified), (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)));
        Assert.NotEqual(before, VersionOf());
    }

    [LinuxFact]
    public void A_versioned_file_that_vanishes_before_it_is_read_is_reported_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Corpus);
        var path = Path.Combine(folder.Path, "souls", "deckhand", "SOUL.md");
        using var disk = DiskCorpus.Load(new[] { "." }, folder.Path, Settings(), versionsBefore: DateTime.UtcNow.AddHours(1));
        File.Delete(path);
        var result = new LintEngine().Lint(disk.Request(Settings()));
        var problem = Assert.Single(result.Diagnostics, d => d.FullPath == path);
        Assert.StartsWith("file cannot be read: ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem.Message, StringComparison.Ordinal);
        Assert.True(result.Occupations > 1);
    }

    [LinuxFact]
    public void The_cli_sees_an_edit_whose_time_stamp_was_put_back_and_either_strategy_reports_as_a_run_without_the_cache()
    {
        using var folder = new TempFolder();
        using var home = new TempFolder();
        folder.CopyTree(Corpus);
        var variables = new Dictionary<string, string> { ["HOME"] = home.Path, ["SOUL_LINT_TIMING"] = "1" };
        var later = DateTime.UtcNow.AddHours(1);
        var path = Path.Combine(folder.Path, "souls", "deckhand", "SOUL.md");
        var modified = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, modified);
        var first = CliHarness.RunAt(later, folder.Path, variables, "--today", "2026-11-24", "--format", "msbuild");
        var second = CliHarness.RunAt(later, folder.Path, variables, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("timing: cache: 16 occupations reused, 0 checked", second.Stderr, StringComparison.Ordinal);

        // The versions are kept: a third run over the unchanged files leaves the cache file as it was.
        var cacheFile = Assert.Single(Directory.GetFiles(Path.Combine(home.Path, ".cache", "soul-lint")));
        var (keptBytes, keptAt) = (File.ReadAllBytes(cacheFile), File.GetLastWriteTimeUtc(cacheFile));
        var third = CliHarness.RunAt(later, folder.Path, variables, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal(first.Stdout, third.Stdout);
        Assert.Equal(keptBytes, File.ReadAllBytes(cacheFile));
        Assert.Equal(keptAt, File.GetLastWriteTimeUtc(cacheFile));

        var text = File.ReadAllText(path);
        // The same number of bytes, and the old time stamp put back: only the change time tells.
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Length > 40 && char.IsLetter(l[0]) && l.Take(23).All(char.IsAscii));
        lines[line] = "It is important to note" + lines[line][23..];
        File.WriteAllText(path, string.Join('\n', lines));
        File.SetLastWriteTimeUtc(path, modified);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), new FileInfo(path).Length);
        var plain = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild", "--no-cache");
        Assert.NotEqual(first.Stdout, plain.Stdout);
        var edited = CliHarness.RunAt(later, folder.Path, variables, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal((plain.ExitCode, plain.Stdout), (edited.ExitCode, edited.Stdout));
        var content = CliHarness.RunAt(later, folder.Path, variables, "--today", "2026-11-24", "--format", "msbuild", "--cache-strategy", "content");
        Assert.Equal((plain.ExitCode, plain.Stdout), (content.ExitCode, content.Stdout));

        var usage = CliHarness.Run(folder.Path, "--cache-strategy", "mtime");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("mtime", usage.Stderr, StringComparison.Ordinal);
    }

    private static string WithoutTime(string report) =>
        System.Text.RegularExpressions.Regex.Replace(report, "in [0-9]+ ms", "in ms", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));

    private static HashSet<string> PointedInto(LintResult result) =>
        result.Diagnostics.Select(d => d.FullPath).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Every rule on (a run that collects computed metadata does not use the cache).</summary>
    private static LintSettings Settings() => new() { Today = Lint.Today, Severities = Lint.AllRules().Severities };

    private static string Report(LintResult result) =>
        JsonFormatter.Format(result, "test").Replace("\"elapsedMs\": " + result.ElapsedMs, string.Empty, StringComparison.Ordinal);
}
