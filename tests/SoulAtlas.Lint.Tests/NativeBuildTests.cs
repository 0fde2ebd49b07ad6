using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The native tool package, packed as the README says (the ReadyToRun set, then this platform's
/// package again with <c>-p:NativeAot=true</c> into the same folder), is what <c>dotnet tool
/// install</c> installs, and the executable it runs behaves as the framework-dependent tool does:
/// the same report, byte for byte, and the same exit code on every fixture folder and on a usage
/// mistake. It needs clang (the .NET native-AOT prerequisites), so it is skipped, with the reason,
/// where clang is not installed.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(RepositoryBuilds.Name)]
public sealed class NativeBuildTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "soul-lint.dll");

    [NativeToolchainFact]
    public void The_installed_native_tool_reports_exactly_what_the_framework_dependent_tool_reports()
    {
        using var work = new TempFolder();
        var feed = Path.Combine(work.Path, "feed");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var version = ToolFeed.NewVersion("native");
        ToolFeed.Pack(work.Path, feed, version, "-p:SoulLintToolRuntimeIdentifiers=" + rid);
        ToolFeed.Pack(work.Path, feed, version, "-r", rid, "-p:NativeAot=true");

        using (var package = ZipFile.OpenRead(Path.Combine(feed, $"SoulAtlas.Lint.Cli.{rid}.{version}.nupkg")))
        {
            var names = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { $"tools/any/{rid}/DotnetToolSettings.xml", $"tools/any/{rid}/soul-lint" }, names);
            using var settings = new StreamReader(package.GetEntry($"tools/any/{rid}/DotnetToolSettings.xml")!.Open());
            Assert.Contains("Runner=\"executable\"", settings.ReadToEnd(), StringComparison.Ordinal);
        }

        var tools = Path.Combine(work.Path, "tools");
        var native = ToolFeed.Install(work.Path, feed, version, tools);
        Assert.Empty(Directory.GetFiles(tools, "*.dll", SearchOption.AllDirectories));

        string[][] runs =
        {
            new[] { "fixtures/corpus", "--today", "2026-11-24" },
            new[] { "fixtures/formats", "--format", "json", "--today", "2026-11-24" },
            new[] { "fixtures/rules", "--format", "json", "--no-gitignore", "--today", "2026-11-24" },
            new[] { "fixtures/rules", "--format", "sarif", "--no-gitignore", "--today", "2026-11-24" },
            new[] { "fixtures/formats", "--rule", "no-such-rule=error" },
        };
        foreach (var arguments in runs)
        {
            var (expectedExit, expected) = ProcessRunner.Run("dotnet", TestPaths.RepositoryRoot, new[] { Dll }.Concat(arguments).ToArray());
            var (exit, actual) = ProcessRunner.Run(native, TestPaths.RepositoryRoot, arguments);
            var what = string.Join(" ", arguments);
            Assert.True(expectedExit == exit, $"{what}: exit {exit}, the tool exits {expectedExit}\n{actual}");
            Assert.Equal(WithoutTimings(expected), WithoutTimings(actual));
        }
    }

    /// <summary>The report without the run's duration, the one field two runs may not share.</summary>
    private static string WithoutTimings(string report) => Regex.Replace(report, "\"elapsedMs\": [0-9]+|in [0-9]+ ms", "elapsed", RegexOptions.None, TimeSpan.FromSeconds(5));
}

/// <summary>A fact that needs the native-AOT toolchain (clang on PATH); skipped with the reason otherwise.</summary>
public sealed class NativeToolchainFactAttribute : FactAttribute
{
    public NativeToolchainFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (OperatingSystem.IsWindows() || !path.Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "clang"))))
        {
            Skip = "the native build needs clang and the zlib headers (apt-get install clang zlib1g-dev)";
        }
    }
}

/// <summary>Tests that build or pack the repository's own projects: run one at a time, as they share the projects' obj folders.</summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    public const string Name = "builds of the repository's projects";
}
