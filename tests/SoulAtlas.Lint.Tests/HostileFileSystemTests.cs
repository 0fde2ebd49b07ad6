using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SoulAtlas.Lint.Diagnostics;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// File-system tricks a stranger's pull request (or a clumsy contributor) can play: links that
/// loop or leave the corpus, FIFOs and devices, files that vanish or are read-only, outputs that
/// point at the wrong thing. soul-lint must never hang, never write through the wrong path and
/// never lose a byte, and must say what it passed over.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileFileSystemTests
{
    private static readonly string Today = "2026-11-24";

    private static TempFolder Records()
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "records"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls")))
        {
            File.Copy(file, Path.Combine(folder.Path, "records", Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>Runs the CLI in-process on another thread, failing the test instead of hanging it.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunBounded(string workingDirectory, params string[] args)
    {
        var run = Task.Run(() => CliHarness.Run(workingDirectory, args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "soul-lint did not finish: it hangs on this input");
        return run.Result;
    }

    /// <summary>The value at <paramref name="keys"/> in a JSON report, as text.</summary>
    private static string Report(string json, params string[] keys)
    {
        Newtonsoft.Json.Linq.JToken token = Newtonsoft.Json.Linq.JObject.Parse(json);
        foreach (var key in keys)
        {
            token = token[key]!;
        }

        return token.ToString();
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [UnixFact]
    public void Folder_links_that_loop_are_not_followed_and_are_reported()
    {
        using var corpus = Records();
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "records", "a"), ".");
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "records", "b"), ".");

        var (exit, stdout, _) = RunBounded(corpus.Path, "records", "--format", "json", "--today", Today);
        Assert.Equal(0, exit);
        var report = Newtonsoft.Json.Linq.JObject.Parse(stdout);
        Assert.Equal(8, (int)report["summary"]!["occupations"]!);
        var notes = report["diagnostics"]!.Where(d => (string)d["file"]! is "records/a" or "records/b").ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, d => Assert.Contains("symbolic link to a folder", (string)d["message"]!, StringComparison.Ordinal));
        Assert.All(notes, d => Assert.Equal("info", (string)d["severity"]!));
        Assert.DoesNotContain(report["diagnostics"]!, d => ((string)d["file"]!).Contains("/a/", StringComparison.Ordinal));
    }

    [UnixFact]
    public void A_fifo_record_source_file_or_config_never_blocks_the_run()
    {
        using var corpus = Records();
        MakeFifo(Path.Combine(corpus.Path, "records", "pipe.json"));
        var (exit, stdout, _) = RunBounded(corpus.Path, "records", "--today", Today);
        Assert.Equal(0, exit);
        Assert.Contains("records/pipe.json", stdout, StringComparison.Ordinal);
        Assert.Contains("not a regular file", stdout, StringComparison.Ordinal);

        using var sources = new TempFolder();
        sources.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        File.Delete(Path.Combine(sources.Path, "souls", "deckhand", "SOUL.md"));
        MakeFifo(Path.Combine(sources.Path, "souls", "deckhand", "SOUL.md"));
        var (sourceExit, sourceOut, _) = RunBounded(sources.Path, ".", "--today", Today);
        Assert.Equal(1, sourceExit);
        Assert.Contains("souls/deckhand/SOUL.md", sourceOut, StringComparison.Ordinal);

        MakeFifo(Path.Combine(sources.Path, "soul-lint.json"));
        var (configExit, _, configErr) = RunBounded(sources.Path, ".", "--today", Today);
        Assert.Equal(2, configExit);
        Assert.Contains("soul-lint.json: not a regular file", configErr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Each_folder_is_listed_once_and_a_source_folder_is_one_where_its_files_exist()
    {
        using var corpus = new TempFolder();
        var souls = Path.Combine(corpus.Path, "souls");
        string Soul(string name)
        {
            var folder = Path.Combine(souls, name);
            Directory.CreateDirectory(folder);
            return folder;
        }

        File.WriteAllText(Path.Combine(Soul("regular"), "SOUL.md"), "# Regular\n");
        File.WriteAllText(Path.Combine(Soul("regular"), "notes.JSON"), "{}");
        File.WriteAllText(Path.Combine(Soul("regular"), "extra.json"), "{}");
        File.CreateSymbolicLink(Path.Combine(Soul("linked"), "SOUL.md"), Path.Combine(souls, "regular", "SOUL.md"));
        File.CreateSymbolicLink(Path.Combine(Soul("dangling"), "SOUL.md"), Path.Combine(souls, "nowhere", "SOUL.md"));
        Directory.CreateDirectory(Path.Combine(Soul("folder-named-soul"), "SOUL.md"));
        File.WriteAllText(Path.Combine(Soul("metadata-only"), "metadata.yaml"), "slug: metadata-only\n");
        Soul("empty");
        MakeFifo(Path.Combine(Soul("fifo"), "SOUL.md"));
        File.WriteAllText(Path.Combine(Soul("json-named-folder"), "SOUL.md"), "# X\n");
        Directory.CreateDirectory(Path.Combine(souls, "json-named-folder", "folder.json"));

        var filter = Configuration.PathFilter.For(new Configuration.LintSettings());
        var notes = new System.Collections.Generic.List<Text.ContentFile>();
        var listed = new Disk.CorpusDiscovery.Listings();
        var json = Disk.CorpusDiscovery.FindJsonFiles(corpus.Path, filter, notes, listed);
        var found = Disk.CorpusDiscovery.FindSourceFolders(corpus.Path, filter, notes, listed);

        // What File.Exists and Directory.GetFiles say, asked of each folder on its own.
        var expected = Directory.GetDirectories(souls).Where(Disk.CorpusDiscovery.IsSourceFolder).OrderBy(f => f, StringComparer.Ordinal).ToList();
        // A link that leads nowhere exists for File.Exists (it is reported when read).
        Assert.Equal(new[] { "dangling", "fifo", "json-named-folder", "linked", "metadata-only", "regular" }, expected.Select(Path.GetFileName));
        Assert.Equal(expected, found);
        Assert.Equal(Directory.GetFiles(corpus.Path, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal), json);
        Assert.Equal(Disk.CorpusDiscovery.FindSourceFolders(corpus.Path, filter, notes), found);
    }

    [UnixFact]
    public void A_gitignore_that_is_a_fifo_or_a_link_to_a_device_is_passed_over_as_git_does()
    {
        using var sources = new TempFolder();
        sources.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        Directory.CreateDirectory(Path.Combine(sources.Path, ".git"));
        sources.Write(".gitignore", "souls/harbour-pilot/\n");
        var (cleanExit, clean, _) = RunBounded(sources.Path, ".", "--format", "json", "--today", Today);
        Assert.Equal(0, cleanExit);
        Assert.DoesNotContain("harbour-pilot/SOUL.md", clean, StringComparison.Ordinal);

        MakeFifo(Path.Combine(sources.Path, "souls", ".gitignore"));
        File.CreateSymbolicLink(Path.Combine(sources.Path, "api", ".gitignore"), "/dev/zero");
        var (exit, stdout, _) = RunBounded(sources.Path, ".", "--format", "json", "--today", Today);
        Assert.Equal(0, exit);
        Assert.Equal(Report(clean, "summary", "occupations"), Report(stdout, "summary", "occupations"));
    }

    [Fact]
    public void A_malformed_gitignore_line_drops_only_that_line()
    {
        using var sources = new TempFolder();
        sources.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        Directory.CreateDirectory(Path.Combine(sources.Path, ".git"));
        // A problem in the folder the good line ignores: reported only if that line were dropped.
        File.AppendAllText(Path.Combine(sources.Path, "souls", "harbour-pilot", "SOUL.md"), "\nIt is important to note the tide.\n");
        sources.Write(".gitignore", "souls/harbour-pilot/\n");
        var (_, clean, _) = RunBounded(sources.Path, ".", "--format", "json", "--today", Today);
        sources.Write(".gitignore", "[\nsouls/harbour-pilot/\na[b\n");
        var (exit, stdout, stderr) = RunBounded(sources.Path, ".", "--format", "json", "--today", Today);
        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.DoesNotContain("harbour-pilot/SOUL.md", stdout, StringComparison.Ordinal);
        Assert.Equal(Report(clean, "diagnostics"), Report(stdout, "diagnostics"));
        Assert.Equal(Report(clean, "summary", "occupations"), Report(stdout, "summary", "occupations"));
    }

    [UnixFact]
    public void Folders_and_files_named_with_white_space_only_are_linted_under_a_gitignore()
    {
        using var sources = new TempFolder();
        sources.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        Directory.CreateDirectory(Path.Combine(sources.Path, ".git"));
        sources.Write(".gitignore", "build/\n*.tmp\n");
        var record = File.ReadAllText(Path.Combine(sources.Path, "api", "souls", "deckhand.json"));
        sources.Write(" /x.json", record);
        sources.Write("api/ /y.json", record);
        var (exit, stdout, stderr) = RunBounded(sources.Path, ".", "--format", "json", "--today", Today);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(1, exit);
        Assert.Contains("\" /x.json\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"api/ /y.json\"", stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_folder_whose_name_is_not_utf8_is_reported_in_words_and_the_rest_is_linted()
    {
        using var sources = new TempFolder();
        sources.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        using (var shell = Process.Start(new ProcessStartInfo("bash", new[] { "-c", "mkdir $'souls/bad\\xffname' && cp souls/deckhand/* $'souls/bad\\xffname/'" }) { WorkingDirectory = sources.Path, UseShellExecute = false })!)
        {
            shell.WaitForExit();
            Assert.Equal(0, shell.ExitCode);
        }

        var (exit, stdout, _) = RunBounded(sources.Path, ".", "--today", Today);
        Assert.Equal(1, exit);
        Assert.Contains("souls/bad\uFFFDname", stdout, StringComparison.Ordinal);
        Assert.Contains("its name is not valid UTF-8", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", stdout, StringComparison.Ordinal);
        Assert.Contains("in 8 occupations", stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_config_or_baseline_too_large_or_endless_is_refused_before_it_is_read()
    {
        using var corpus = Records();
        using (var config = new FileStream(Path.Combine(corpus.Path, "soul-lint.json"), FileMode.Create))
        {
            config.SetLength(20L * 1024 * 1024 * 1024);
        }

        var (exit, _, stderr) = RunBounded(corpus.Path, "records", "--today", Today);
        Assert.Equal(2, exit);
        Assert.Contains("soul-lint.json: is 21474836480 bytes, over the limit of 16777216 bytes; not read", stderr, StringComparison.Ordinal);

        File.Delete(Path.Combine(corpus.Path, "soul-lint.json"));
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "baseline.json"), "/dev/zero");
        var (baselineExit, _, baselineErr) = RunBounded(corpus.Path, "records", "--baseline", "baseline.json", "--today", Today);
        Assert.Equal(2, baselineExit);
        Assert.Contains("baseline baseline.json: not a regular file", baselineErr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_link_to_a_file_outside_the_corpus_is_not_read_and_is_reported()
    {
        using var corpus = Records();
        using var outside = new TempFolder();
        var secret = outside.Write("secret.json", "{\"slug\": \"secret-line-one\", \"sections\": []}");
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "records", "passwd.json"), secret);

        var (_, stdout, _) = RunBounded(corpus.Path, "records", "--color", "--today", Today);
        Assert.DoesNotContain("secret-line-one", stdout, StringComparison.Ordinal);
        Assert.Contains("outside the corpus; not read", stdout, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Output_writes_through_a_link_and_never_replaces_a_device_or_a_folder()
    {
        using var corpus = Records();
        var target = Path.Combine(corpus.Path, "real-report.json");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "report.json"), target);
        var (exit, _, _) = RunBounded(corpus.Path, "records", "--format", "json", "--output", "report.json", "--today", Today);
        Assert.Equal(0, exit);
        Assert.True(new FileInfo(Path.Combine(corpus.Path, "report.json")).LinkTarget is not null, "the link was replaced by a file");
        Assert.Contains("\"summary\"", File.ReadAllText(target), StringComparison.Ordinal);

        var (deviceExit, _, deviceErr) = RunBounded(corpus.Path, "records", "--output", "/dev/null", "--today", Today);
        Assert.Equal(2, deviceExit);
        Assert.Contains("not a regular file", deviceErr, StringComparison.Ordinal);
        Assert.True(File.Exists("/dev/null"));

        Directory.CreateDirectory(Path.Combine(corpus.Path, "out"));
        var (folderExit, _, folderErr) = RunBounded(corpus.Path, "records", "--output", "out", "--today", Today);
        Assert.Equal(2, folderExit);
        Assert.Equal("soul-lint: out: not a regular file (a folder); soul-lint will not replace it", folderErr.Trim());
    }

    [Theory]
    [InlineData("--output", "missing/report.txt")]
    [InlineData("--write-baseline", "missing/baseline.json")]
    public void Writing_into_a_missing_folder_is_a_usage_error_that_names_the_folder(string option, string path)
    {
        using var corpus = Records();
        var (exit, _, stderr) = RunBounded(corpus.Path, "records", option, path, "--today", Today);
        Assert.Equal(2, exit);
        Assert.StartsWith($"soul-lint: {path}: the folder ", stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Fix_keeps_mode_links_and_hard_links_and_refuses_read_only_files()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid"));
        var record = Path.Combine(corpus.Path, "river-warden.json");
        var original = File.ReadAllBytes(record);

        // Read-only: left alone, said so, and the report tells what the file still holds.
        File.SetUnixFileMode(record, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var (roExit, roOut, roErr) = RunBounded(corpus.Path, ".", "--fix", "--today", Today);
        Assert.Equal(1, roExit);
        Assert.Contains("river-warden.json: the file is read-only; not fixed", roErr, StringComparison.Ordinal);
        Assert.Contains("computed.backlinks", roOut, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(record));

        // Mode 0600 stays 0600.
        File.SetUnixFileMode(record, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, RunBounded(corpus.Path, ".", "--fix", "--today", Today).ExitCode);
        Assert.NotEqual(original, File.ReadAllBytes(record));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(record));

        // A hard link keeps sharing the repaired text.
        File.WriteAllBytes(record, original);
        var twin = Path.Combine(corpus.Path, "river-warden.bak");
        using (var ln = Process.Start(new ProcessStartInfo("ln", $"{record} {twin}") { UseShellExecute = false })!)
        {
            ln.WaitForExit();
        }

        Assert.Equal(0, RunBounded(corpus.Path, ".", "--fix", "--today", Today).ExitCode);
        Assert.Equal(File.ReadAllBytes(record), File.ReadAllBytes(twin));
        Assert.NotEqual(original, File.ReadAllBytes(twin));

        // A linked record: the file it names is repaired, the link stays a link.
        File.Delete(twin);
        var real = Path.Combine(corpus.Path, "store", "river-warden.data");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.Move(record, real);
        File.WriteAllBytes(real, original);
        File.CreateSymbolicLink(record, real);
        Assert.Equal(0, RunBounded(corpus.Path, ".", "--fix", "--today", Today).ExitCode);
        Assert.NotNull(new FileInfo(record).LinkTarget);
        Assert.NotEqual(original, File.ReadAllBytes(real));
        Assert.Empty(Directory.GetFiles(corpus.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Temporary_files_an_interrupted_fix_left_are_removed_by_the_next_write()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid"));
        var stale = corpus.Write(".river-warden.json.soul-lint-0badf00d.tmp", "half a file");
        Assert.Equal(0, RunBounded(corpus.Path, ".", "--fix", "--today", Today).ExitCode);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void A_file_that_changed_after_it_was_read_is_not_overwritten()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid"));
        var settings = Lint.AllRules();
        using var disk = Disk.DiskCorpus.Load(new[] { "." }, corpus.Path, settings);
        var outcome = Lint.Engine.Fix(disk.Request(settings));
        Assert.NotEmpty(outcome.Changed);

        var record = outcome.Changed.Keys.Single();
        File.WriteAllText(record, "edited by someone else");
        var notWritten = disk.WriteFixes(outcome);
        Assert.Equal("edited by someone else", File.ReadAllText(record));
        Assert.Equal(new[] { "river-warden.json: vanished or changed since it was read; not fixed" }, notWritten);

        File.Delete(record);
        Assert.Single(disk.WriteFixes(outcome));
        Assert.False(File.Exists(record));
    }

    [UnixFact]
    public void A_folder_link_among_the_souls_is_noted_once()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        File.CreateSymbolicLink(Path.Combine(corpus.Path, "souls", "linked"), Path.Combine(corpus.Path, "souls", "deckhand"));
        var run = CliHarness.Run(corpus.Path, "--today", Today, "--format", "msbuild");
        Assert.Equal(0, run.ExitCode);
        var notes = run.Stdout.Split('\n').Where(line => line.Contains("does not follow folder links", StringComparison.Ordinal)).ToList();
        Assert.Single(notes);
        Assert.StartsWith("info: souls/linked(1,1): ", notes[0], StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_linked_file_whose_target_changed_after_it_was_read_is_not_overwritten()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "rules", "backlinks", "invalid"));
        var record = Path.Combine(corpus.Path, "river-warden.json");
        var real = Path.Combine(corpus.Path, "store", "river-warden.data");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.Move(record, real);
        File.CreateSymbolicLink(record, real);
        var settings = Lint.AllRules();
        using var disk = Disk.DiskCorpus.Load(new[] { "." }, corpus.Path, settings);
        var outcome = Lint.Engine.Fix(disk.Request(settings));
        Assert.Equal(record, outcome.Changed.Keys.Single());

        // The link is untouched; the file it names is edited (one more byte, a later time stamp).
        File.WriteAllText(real, File.ReadAllText(real) + " ");
        File.SetLastWriteTimeUtc(real, DateTime.UtcNow.AddMinutes(1));
        var edited = File.ReadAllBytes(real);
        var notWritten = disk.WriteFixes(outcome);
        Assert.Equal(edited, File.ReadAllBytes(real));
        Assert.NotNull(new FileInfo(record).LinkTarget);
        Assert.Equal(new[] { "river-warden.json: vanished or changed since it was read; not fixed" }, notWritten);
    }

    [Theory]
    [InlineData(new[] { "--frobnicate" }, "soul-lint: unknown option --frobnicate (see 'soul-lint --help')")]
    [InlineData(new[] { "--max-warnings", "abc", "." }, "soul-lint: --max-warnings abc: expected a whole number of warnings (0 or more)")]
    public void Usage_mistakes_name_the_value_and_what_was_expected(string[] args, string message)
    {
        using var corpus = Records();
        var (exit, _, stderr) = RunBounded(corpus.Path, args);
        Assert.Equal(2, exit);
        Assert.Equal(message, stderr.Trim());
    }

    [Theory]
    [InlineData("{\"x\": 1}", "is not a soul-lint baseline")]
    [InlineData("garbage", "is not JSON")]
    public void A_baseline_that_is_not_one_is_a_usage_error(string text, string says)
    {
        using var corpus = Records();
        corpus.Write("baseline.json", text);
        var (exit, _, stderr) = RunBounded(corpus.Path, "records", "--baseline", "baseline.json");
        Assert.Equal(2, exit);
        Assert.Contains("baseline baseline.json " + says, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("dictionary", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "soul-lint.json:1:1: the config must be a JSON object of settings")]
    [InlineData("{\"limits\": {\"maxYamlNodes\": 1000000000}}", "limits.maxYamlNodes is 1000000000; the maximum is 200000")]
    [InlineData("{\"limits\": {\"maxCheckMilliseconds\": 3600000}}", "limits.maxCheckMilliseconds is 3600000; the maximum is 600000")]
    public void A_config_that_cannot_be_used_says_why(string text, string says)
    {
        using var corpus = Records();
        corpus.Write("soul-lint.json", text);
        var (exit, _, stderr) = RunBounded(corpus.Path, "records");
        Assert.Equal(2, exit);
        Assert.Contains(says, stderr, StringComparison.Ordinal);
    }

    [NonRootUnixFact]
    public void An_unreadable_folder_is_reported_not_skipped_silently()
    {
        using var corpus = new TempFolder();
        corpus.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        var folder = Path.Combine(corpus.Path, "souls", "deckhand");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var (exit, stdout, _) = RunBounded(corpus.Path, ".", "--today", Today);
            Assert.Equal(1, exit);
            Assert.Contains("deckhand", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_skipped_path_is_information_that_a_config_can_silence()
    {
        using var corpus = Records();
        var document = Text.ContentFile.Skipped(Path.Combine(corpus.Path, "records", "pipe.json"), "not a regular file");
        var result = Lint.Engine.Lint(new Engine.LintRequest(new[] { document }, new Configuration.LintSettings()) { BaseDirectory = corpus.Path });
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Equal("records/pipe.json", note.File);

        var silenced = Lint.Engine.Lint(new Engine.LintRequest(new[] { document }, new Configuration.LintSettings { Severities = new System.Collections.Generic.Dictionary<string, Severity> { [RuleCatalogue.ResourceLimit.Id] = Severity.Off } }));
        Assert.Empty(silenced.Diagnostics);
    }
}
