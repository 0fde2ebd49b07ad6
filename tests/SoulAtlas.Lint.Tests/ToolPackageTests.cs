using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The tool as people install it: packed (a pointer package, a ReadyToRun package for this
/// machine's platform and the portable one), installed from the folder into a temporary tool path
/// with <c>dotnet tool install</c>, and run on the fixture corpus. The test packs this platform
/// only, to keep CI short; the full set of platforms is packed the same way (README).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(RepositoryBuilds.Name)]
public sealed class ToolPackageTests
{
    [Fact]
    public void The_installed_tool_is_the_ready_to_run_build_for_this_platform_and_lints_the_sample_corpus()
    {
        using var work = new TempFolder();
        var feed = Path.Combine(work.Path, "feed");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var version = ToolFeed.NewVersion("test");
        ToolFeed.Pack(work.Path, feed, version, "-p:SoulLintToolRuntimeIdentifiers=" + rid);

        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { $"SoulAtlas.Lint.Cli.{version}.nupkg", $"SoulAtlas.Lint.Cli.any.{version}.nupkg", $"SoulAtlas.Lint.Cli.{rid}.{version}.nupkg" }.OrderBy(n => n, StringComparer.Ordinal),
            packages);
        using (var pointer = ZipFile.OpenRead(Path.Combine(feed, $"SoulAtlas.Lint.Cli.{version}.nupkg")))
        {
            Assert.DoesNotContain(pointer.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        }

        var tools = Path.Combine(work.Path, "tools");
        var executable = ToolFeed.Install(work.Path, feed, version, tools);

        // The platform's package, compiled ahead of time, is the one installed.
        var engine = Directory.GetFiles(tools, "SoulAtlas.Lint.dll", SearchOption.AllDirectories).Single();
        Assert.Contains($"soulatlas.lint.cli.{rid}", engine, StringComparison.Ordinal);
        Assert.True(new FileInfo(engine).Length > new FileInfo(typeof(Engine.LintEngine).Assembly.Location).Length * 3 / 2, "the installed engine is not ReadyToRun");

        var (exit, output) = ProcessRunner.Run(executable, Path.Combine(TestPaths.Fixtures, "corpus"), "--today", "2026-11-24");
        Assert.True(exit == 0, output);
        Assert.Contains("8 occupations checked, no problems", output, StringComparison.Ordinal);

        var (broken, brokenOutput) = ProcessRunner.Run(executable, Path.Combine(TestPaths.Fixtures, "formats"), "--format", "msbuild", "--today", "2026-11-24");
        Assert.Equal(1, broken);
        Assert.Contains("error SOUL300", brokenOutput, StringComparison.Ordinal);
    }
}
