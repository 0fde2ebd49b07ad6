using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoulAtlas.Lint.Tests;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>
/// The package as a user gets it: packed into a folder feed, referenced (one PackageReference)
/// from a throw-away <c>dotnet new classlib</c> project over a copy of a fixture corpus, restored
/// into an empty packages folder (no stale cache can hide a packaging mistake), built with
/// <c>dotnet build</c>. The build prints the CLI's errors and warnings, and still does beside
/// other analyzer packages, one of which ships its own copy of a dependency soul-lint ships too.
/// About a minute; filter it out with <c>--filter Category!=EndToEnd</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class PackageEndToEndTests : IClassFixture<PackageEndToEndTests.Feed>
{
    private readonly Feed _feed;

    public PackageEndToEndTests(Feed feed) => _feed = feed;

    [Fact]
    public void A_build_of_a_project_over_a_corpus_prints_the_CLIs_errors_and_warnings()
    {
        var project = _feed.Consumer("formats", Path.Combine(TestPaths.Fixtures, "formats"));
        var cli = CliReport(project);
        Assert.Contains(cli, d => d.Contains(": error SOUL", StringComparison.Ordinal));
        Assert.Contains(cli, d => d.Contains(": warning SOUL", StringComparison.Ordinal));

        var build = _feed.Build(project);

        Assert.Equal(cli, SoulDiagnostics(build, project));
        Assert.DoesNotMatch(LoadFailure(), build);

        // What the package's targets add: the content and soul-lint.json, nothing the build wrote
        // (obj/ now holds project.assets.json); and nothing when SoulLintIncludeContent is false.
        var added = _feed.AdditionalFiles(project);
        Assert.Equal(
            new[] { "soul-lint.json", "souls/bridge-keeper/SOUL.md", "souls/bridge-keeper/metadata.yaml", "souls/lone-hermit/SOUL.md", "souls/lone-hermit/metadata.yaml", "souls/river-warden/SOUL.md", "souls/river-warden/metadata.yaml" },
            added);
        Assert.True(File.Exists(Path.Combine(project, "obj", "project.assets.json")));
        Assert.Empty(_feed.AdditionalFiles(project, "-p:SoulLintIncludeContent=false"));
    }

    /// <summary>Also: a .globalconfig in the project's folder sets a rule's severity in a real build.</summary>
    [Fact]
    public void The_analyzer_loads_and_runs_beside_other_analyzer_packages_that_ship_their_own_dependencies()
    {
        var project = _feed.Consumer(
            "side-by-side",
            Path.Combine(TestPaths.RuleFixtures, "backlinks", "invalid"),
            ("StyleCop.Analyzers", "1.1.118"),
            ("Roslynator.Analyzers", "5.0.1"),
            (Feed.OtherPackageId, Feed.OtherVersion));
        var cli = CliReport(project);
        Assert.Contains(cli, d => d.Contains(": error SOUL303:", StringComparison.Ordinal));

        // A .globalconfig beside the project is found by the build, as in any .NET project.
        // Roslynator's rules are off by default; these lines turn them on, so it shows it ran.
        File.WriteAllText(Path.Combine(project, ".globalconfig"), """
            is_global = true
            dotnet_diagnostic.SOUL303.severity = warning
            roslynator_analyzers.enabled_by_default = true
            dotnet_analyzer_diagnostic.category-roslynator.severity = warning
            """);
        var build = _feed.Build(project);

        Assert.Equal(
            cli.Select(d => d.Replace(": error SOUL303:", ": warning SOUL303:", StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal),
            SoulDiagnostics(build, project));
        Assert.DoesNotMatch(LoadFailure(), build);
        Assert.Matches(@"warning SA\d{4}", build);
        Assert.Matches(@"warning RCS\d{4}", build);

        // The other analyzer ran and used Newtonsoft.Json. It ships 12.0.3, soul-lint 13.0.3: the
        // compiler loads one copy of an assembly name for all analyzers, the highest version any of
        // them ships, so it gets soul-lint's (see the README). Pinned so a change in that is noticed.
        var other = Assert.Single(build.Split('\n').Where(l => l.Contains("OTHER001", StringComparison.Ordinal)).Distinct());
        Assert.Contains("serialised [1,2]", other, StringComparison.Ordinal);
        Assert.Contains("Newtonsoft.Json 13.0.0.0 from ", other, StringComparison.Ordinal);
        Assert.Contains("soulatlas.lint.analyzers", other, StringComparison.Ordinal);
    }

    /// <summary>CS8032 (an analyzer cannot be created), CS8784 (a generator), AD0001 (an analyzer threw), CS9057 (built against a newer compiler).</summary>
    [GeneratedRegex(@"\b(CS8032|CS8784|AD0001|CS9057)\b")]
    private static partial Regex LoadFailure();

    [GeneratedRegex(@"^(?<file>[^\s(][^(\n]*)\((?<line>\d+),(?<column>\d+),(?<endLine>\d+),(?<endColumn>\d+)\): (?<severity>error|warning) (?<id>SOUL\d{3}): (?<message>.*) \(https://github\.com/soul-atlas/soul-lint/blob/main/docs/rules/[a-z-]+\.md\) \[[^\]]*\]$", RegexOptions.Multiline)]
    private static partial Regex BuildDiagnostic();

    /// <summary>The build's soul-lint diagnostics (each printed twice by MSBuild), in the CLI's msbuild form.</summary>
    private static List<string> SoulDiagnostics(string build, string project) =>
        BuildDiagnostic().Matches(build.Replace("\r", string.Empty, StringComparison.Ordinal))
            .Select(m => $"{Path.GetRelativePath(project, m.Groups["file"].Value).Replace('\\', '/')}({m.Groups["line"].Value},{m.Groups["column"].Value},{m.Groups["endLine"].Value},{m.Groups["endColumn"].Value}): {m.Groups["severity"].Value} {m.Groups["id"].Value}: {m.Groups["message"].Value}")
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    /// <summary>What <c>soul-lint --format json</c> reports on the project's folder that a build shows (errors and warnings).</summary>
    private List<string> CliReport(string project)
    {
        var (exit, output) = Feed.Run("dotnet", new[] { _feed.CliPath, ".", "--format", "json", "--today", Feed.Today }, project, null);
        Assert.True(exit is 0 or 1, output);
        using var report = JsonDocument.Parse(output);
        return report.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() is "error" or "warning")
            .Select(d => $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()},{d.GetProperty("endLine").GetInt32()},{d.GetProperty("endColumn").GetInt32()}): {d.GetProperty("severity").GetString()} {d.GetProperty("ruleId").GetString()}: {d.GetProperty("message").GetString()}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder feed (the analyzer package and another analyzer package) and an empty packages folder, made once for these tests.</summary>
    public sealed class Feed : IDisposable
    {
        public const string OtherPackageId = "SoulLintE2E.OtherAnalyzer";
        public const string OtherVersion = "1.0.0";

        /// <summary>The day both the CLI and the build judge dates against (a build defaults to its own date).</summary>
        public static readonly string Today = "2026-11-24";

        private readonly string _root;
        private readonly string _feed;
        private readonly string _packages;

        public Feed()
        {
            _root = Path.Combine(Path.GetTempPath(), "soul-lint-e2e-" + Guid.NewGuid().ToString("N"));
            _feed = Path.Combine(_root, "feed");
            _packages = Path.Combine(_root, "packages");
            Directory.CreateDirectory(_feed);
            Directory.CreateDirectory(_packages);

            // The test project builds the analyzer and the CLI in its own configuration; pack that build.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            CliPath = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint.Cli", "bin", configuration, "net10.0", "soul-lint.dll");
            Assert.True(File.Exists(CliPath), CliPath + " is not built");
            var analyzer = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint.Analyzers", "SoulAtlas.Lint.Analyzers.csproj");
            Check(Run("dotnet", new[] { "pack", analyzer, "-c", configuration, "--no-build", "--no-restore", "-p:BuildProjectReferences=false", "-o", _feed }, _root, null));
            PackOtherAnalyzer();
        }

        public string CliPath { get; }

        /// <summary>A classlib project in a copy of <paramref name="corpus"/> that references the analyzer package (and <paramref name="others"/>).</summary>
        public string Consumer(string name, string corpus, params (string Id, string Version)[] others)
        {
            var project = Path.Combine(_root, name);
            CopyFolder(corpus, project);
            File.Delete(Path.Combine(project, "expected.txt"));
            Check(Run("dotnet", new[] { "new", "classlib", "-n", "Consumer", "-o", project }, _root, null));
            File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="soul-lint-e2e" value="{_feed}" />
                  </packageSources>
                </configuration>
                """);
            var references = new StringBuilder("    <PackageReference Include=\"SoulAtlas.Lint.Analyzers\" Version=\"0.1.0\" />\n");
            foreach (var (id, version) in others)
            {
                references.Append(CultureInvariant($"    <PackageReference Include=\"{id}\" Version=\"{version}\" />\n"));
            }

            var csproj = Path.Combine(project, "Consumer.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", $"  <ItemGroup>\n{references}  </ItemGroup>\n</Project>", StringComparison.Ordinal));
            return project;
        }

        /// <summary>dotnet build in its own packages folder, without a compiler server or build nodes left behind; the whole output.</summary>
        public string Build(string project)
        {
            var (exit, output) = Run(
                "dotnet",
                new[] { "build", project, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:ErrorEndLocation=true", "-p:SoulLintToday=" + Today },
                project,
                _packages);
            Assert.True(exit is 0 or 1, output);
            Assert.DoesNotContain("error NU", output, StringComparison.Ordinal);
            return output;
        }

        /// <summary>The project's AdditionalFiles items, relative to it, as MSBuild evaluates them.</summary>
        public IReadOnlyList<string> AdditionalFiles(string project, params string[] properties)
        {
            var (exit, output) = Run("dotnet", new[] { "msbuild", Path.Combine(project, "Consumer.csproj"), "-getItem:AdditionalFiles" }.Concat(properties), project, _packages);
            Assert.True(exit == 0, output);
            using var items = JsonDocument.Parse(output);
            return items.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
                .Select(i => Path.GetRelativePath(project, i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }

        public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string? packages) =>
            ProcessRunner.RunWithPackages(fileName, workingDirectory, packages, arguments.ToArray());

        private static void Check((int ExitCode, string Output) result) => Assert.True(result.ExitCode == 0, result.Output);

        private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

        private static void CopyFolder(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>
        /// Another analyzer package that ships its own Newtonsoft.Json (12.0.3; soul-lint ships
        /// 13.0.3) under analyzers/dotnet/cs/ and uses it at analysis time: the case that broke
        /// StyleCop.Analyzers once, and that StyleCop and Roslynator now avoid (one ships no
        /// dependency, the other renames its own).
        /// </summary>
        private void PackOtherAnalyzer()
        {
            var folder = Path.Combine(_root, "other-analyzer");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "OtherAnalyzer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <PackageId>{OtherPackageId}</PackageId>
                    <Version>{OtherVersion}</Version>
                    <IncludeBuildOutput>false</IncludeBuildOutput>
                    <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
                    <NoWarn>$(NoWarn);NU5128;RS2008;RS1036</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.14.0" PrivateAssets="all" />
                    <PackageReference Include="Newtonsoft.Json" Version="12.0.3" GeneratePathProperty="true" PrivateAssets="all" />
                    <None Include="$(OutputPath)$(AssemblyName).dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                    <None Include="$(PkgNewtonsoft_Json)/lib/netstandard2.0/Newtonsoft.Json.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "OtherAnalyzer.cs"), """
                using System.Collections.Immutable;
                using Microsoft.CodeAnalysis;
                using Microsoft.CodeAnalysis.Diagnostics;
                using Newtonsoft.Json;

                [DiagnosticAnalyzer(LanguageNames.CSharp)]
                public sealed class OtherAnalyzer : DiagnosticAnalyzer
                {
                    private static readonly DiagnosticDescriptor Loaded = new DiagnosticDescriptor(
                        "OTHER001", "loaded", "Newtonsoft.Json {0} from {1} serialised {2}", "Test", DiagnosticSeverity.Warning, true);

                    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Loaded);

                    public override void Initialize(AnalysisContext context)
                    {
                        context.EnableConcurrentExecution();
                        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                        context.RegisterSyntaxTreeAction(c => c.ReportDiagnostic(Diagnostic.Create(
                            Loaded,
                            Location.Create(c.Tree, default(Microsoft.CodeAnalysis.Text.TextSpan)),
                            typeof(JsonConvert).Assembly.GetName().Version,
                            typeof(JsonConvert).Assembly.Location,
                            JsonConvert.SerializeObject(new[] { 1, 2 }))));
                    }
                }
                """);
            Check(Run("dotnet", new[] { "pack", folder, "-c", "Release", "-o", _feed, "-nodeReuse:false", "-p:UseSharedCompilation=false" }, folder, null));
        }
    }
}
