using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The MSBuild task as a user gets it: packed into a folder feed, referenced by one
/// PackageReference from a fresh <c>dotnet new classlib</c> project whose folder holds a copy of a
/// fixture corpus, restored into an isolated packages folder (so a stale cache cannot hide a
/// packaging bug) and built with <c>dotnet build</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(RepositoryBuilds.Name)]
public sealed class MsBuildTaskTests : IClassFixture<MsBuildTaskTests.PackedTask>
{
    private static readonly Regex Canonical = new(@"^(?<file>[^(\s][^(\n]*)\((?<line>\d+),(?<column>\d+),(?<endLine>\d+),(?<endColumn>\d+)\): (?<category>error|warning) (?<code>SOUL\d{3}): (?<message>.*) \[[^\]]+\]$", RegexOptions.Multiline);

    private readonly PackedTask _task;

    public MsBuildTaskTests(PackedTask task)
    {
        _task = task;
    }

    [Fact]
    public void A_broken_corpus_fails_the_build_with_exactly_the_diagnostics_of_the_cli_and_again_on_the_next_build()
    {
        using var project = _task.NewProject(Path.Combine(TestPaths.Fixtures, "formats"));
        var (exit, output) = project.Build();
        Assert.NotEqual(0, exit);

        var expected = Lint.Run(new LintSettings { Today = Lint.Today, Severities = new Dictionary<string, Severity> { [RuleCatalogue.Orphan.Id] = Severity.Info } }, project.Folder)
            .Diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning)
            .Select(d => $"{d.File}({d.Line},{d.Column},{d.EndLine},{d.EndColumn}): {d.Severity.ToName()} {d.RuleId}: {d.Message}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, Reported(output));

        var (again, _) = project.Build();
        Assert.NotEqual(0, again);
    }

    [Fact]
    public void A_clean_corpus_builds_is_skipped_when_nothing_changed_and_linted_again_after_an_edit()
    {
        using var project = _task.NewProject(Path.Combine(TestPaths.Fixtures, "corpus"));
        var (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.Empty(Reported(output));
        var stamp = Directory.GetFiles(Path.Combine(project.Folder, "obj"), "soul-lint.stamp", SearchOption.AllDirectories).Single();
        var written = File.GetLastWriteTimeUtc(stamp);

        System.Threading.Thread.Sleep(1100);
        var (unchanged, skipped) = project.Build("-v:d");
        Assert.True(unchanged == 0, skipped);
        Assert.Contains("Skipping target \"SoulLint\" because all output files are up-to-date", skipped, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(stamp));

        // One edit to one soul: the lint runs again and finds it.
        var metadata = Path.Combine(project.Folder, "souls", "deckhand", "metadata.yaml");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("'ship-captain'", "'ship-captian'", StringComparison.Ordinal));
        var (edited, editedOutput) = project.Build();
        Assert.NotEqual(0, edited);
        Assert.Contains(Reported(editedOutput), l => l.StartsWith("souls/deckhand/metadata.yaml(", StringComparison.Ordinal) && l.Contains("error SOUL300", StringComparison.Ordinal));
    }

    [Fact]
    public void SoulLintTreatWarningsAsErrors_turns_warnings_into_errors()
    {
        using var project = _task.NewProject(Path.Combine(TestPaths.Fixtures, "formats"));
        var (_, plain) = project.Build();
        Assert.Contains(Reported(plain), l => l.Contains(": warning SOUL404:", StringComparison.Ordinal));

        var (exit, strict) = project.Build("-p:SoulLintTreatWarningsAsErrors=true");
        Assert.NotEqual(0, exit);
        var reported = Reported(strict);
        Assert.DoesNotContain(reported, l => l.Contains(": warning ", StringComparison.Ordinal));
        Assert.Contains(reported, l => l.Contains(": error SOUL404:", StringComparison.Ordinal));
    }

    [Fact]
    public void SoulLintEnabled_false_leaves_the_content_alone()
    {
        using var project = _task.NewProject(Path.Combine(TestPaths.Fixtures, "formats"));
        var (exit, output) = project.Build("-p:SoulLintEnabled=false");
        Assert.True(exit == 0, output);
        Assert.Empty(Reported(output));
    }

    [Fact]
    public void A_multi_targeted_project_lints_once()
    {
        using var project = _task.NewProject(Path.Combine(TestPaths.Fixtures, "formats"), withNuGetOrg: true);
        var csproj = Path.Combine(project.Folder, "Site.csproj");
        File.WriteAllText(csproj, Regex.Replace(File.ReadAllText(csproj), "<TargetFramework>[^<]*</TargetFramework>", "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>"));
        var (exit, output) = project.Build("-p:SoulLintTreatWarningsAsErrors=true");
        Assert.NotEqual(0, exit);
        var lines = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Where(l => l.Contains(": error SOUL300:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("TargetFramework=net10.0", l, StringComparison.Ordinal));
    }

    /// <summary>The distinct canonical error and warning lines of a build log, without MSBuild's project suffix.</summary>
    private static List<string> Reported(string output) =>
        Canonical.Matches(output.Replace("\r", string.Empty, StringComparison.Ordinal))
            .Select(m => $"{m.Groups["file"].Value}({m.Groups["line"].Value},{m.Groups["column"].Value},{m.Groups["endLine"].Value},{m.Groups["endColumn"].Value}): {m.Groups["category"].Value} {m.Groups["code"].Value}: {StripRuleName(m.Groups["message"].Value)}")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    private static string StripRuleName(string message) => Regex.Replace(message, @" \[[a-z-]+\]$", string.Empty);

    /// <summary>The task packed once for all the tests, into a folder feed with its own packages folder.</summary>
    public sealed class PackedTask : IDisposable
    {
        private readonly TempFolder _root = new();

        public PackedTask()
        {
            Feed = Path.Combine(_root.Path, "feed");
            Packages = Path.Combine(_root.Path, "packages");
            var project = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint.MSBuild", "SoulAtlas.Lint.MSBuild.csproj");
            var (exit, output) = ProcessRunner.Dotnet(_root.Path, "pack", project, "-o", Feed, "-p:PackageVersion=" + Version);
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }
        }

        /// <summary>A version no real release has, so no cache can serve another build of it.</summary>
        public string Version { get; } = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        public string Feed { get; }

        public string Packages { get; }

        public ConsumerProject NewProject(string corpus, bool withNuGetOrg = false)
        {
            var folder = new TempFolder();
            var (exit, output) = ProcessRunner.Dotnet(folder.Path, "new", "classlib", "-o", ".", "-n", "Site", "--no-restore");
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet new failed:\n" + output);
            }

            foreach (var file in Directory.GetFiles(corpus, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder.Path, Path.GetRelativePath(corpus, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.WriteAllText(Path.Combine(folder.Path, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="soul-lint" value="{Feed}" />
                    {(withNuGetOrg ? "<add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />" : string.Empty)}
                  </packageSources>
                </configuration>
                """);
            var csproj = Path.Combine(folder.Path, "Site.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
                "</Project>",
                $"""
                  <ItemGroup>
                    <PackageReference Include="SoulAtlas.Lint.MSBuild" Version="{Version}" />
                  </ItemGroup>
                  <PropertyGroup>
                    <SoulLintToday>2026-11-24</SoulLintToday>
                  </PropertyGroup>
                </Project>
                """,
                StringComparison.Ordinal));
            return new ConsumerProject(folder, Packages);
        }

        public void Dispose() => _root.Dispose();
    }

    /// <summary>A throw-away project that references the packed task.</summary>
    public sealed class ConsumerProject : IDisposable
    {
        private readonly TempFolder _folder;
        private readonly string _packages;

        internal ConsumerProject(TempFolder folder, string packages)
        {
            _folder = folder;
            _packages = packages;
        }

        public string Folder => _folder.Path;

        public (int Exit, string Output) Build(params string[] extra) =>
            ProcessRunner.Dotnet(Folder, new[] { "build", "--packages", _packages, "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());

        public void Dispose() => _folder.Dispose();
    }
}
