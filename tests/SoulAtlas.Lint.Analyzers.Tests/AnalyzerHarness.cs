using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using LintDiagnostic = SoulAtlas.Lint.Diagnostics.Diagnostic;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>Runs the analyzer the ways a host does, and the CLI's engine run for comparison.</summary>
internal static class AnalyzerHarness
{
    /// <summary>The day the fixtures are judged on (the engine tests pin the same one).</summary>
    public const string Today = "2026-11-24";

    /// <summary>
    /// One analyzer instance for every test, as an IDE keeps one across compilations: its engine's
    /// caches then serve many corpora, from tests running in parallel.
    /// </summary>
    private static readonly SoulLintAnalyzer Analyzer = new();

    /// <summary>One engine for the CLI runs, as the CLI process has one.</summary>
    private static readonly LintEngine CliEngine = new();

    /// <summary>
    /// The analyzer test of Microsoft.CodeAnalysis.Testing over a folder: its content files as
    /// additional files (text decoded as the compiler decodes it) and a global config that sets
    /// the properties the package's props expose, plus <paramref name="globalConfig"/> lines.
    /// </summary>
    public static AsABuildRunsIt Test(string folder, string globalConfig = "")
    {
        var test = new AsABuildRunsIt
        {
            // The analyzer reads no C#: an empty project with no references is all it needs.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck,
        };
        test.TestState.Sources.Add(("/0/Test0.cs", "class Empty { }"));
        foreach (var file in TestPaths.ContentFiles(folder))
        {
            test.TestState.AdditionalFiles.Add((file, AsCompilerReads(File.ReadAllBytes(file))));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(folder, globalConfig)));
        return test;
    }

    public static string GlobalConfig(string root, string extra = "", string today = Today) =>
        "is_global = true\n"
        + $"build_property.SoulLintToday = {today}\n"
        + $"build_property.SoulLintRoot = {root}\n"
        + extra;

    /// <summary>
    /// A file's text as csc reads an additional file: UTF-8 (a byte-order mark is noted in the
    /// encoding, not kept in the text), or, when the bytes are not UTF-8, a single-byte fallback.
    /// </summary>
    public static SourceText AsCompilerReads(byte[] bytes)
    {
        var withBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: withBom, throwOnInvalidBytes: true);
            var text = strict.GetString(bytes, withBom ? 3 : 0, bytes.Length - (withBom ? 3 : 0));
            return SourceText.From(text, strict);
        }
        catch (DecoderFallbackException)
        {
            return SourceText.From(Encoding.Latin1.GetString(bytes), Encoding.Latin1);
        }
    }

    /// <summary>What the CLI reports on a folder (its disk adapter and engine, default severities), on the pinned day.</summary>
    public static IReadOnlyList<LintDiagnostic> CliDiagnostics(string folder, LintSettings? settings = null)
    {
        settings ??= new LintSettings { Today = DateTime.ParseExact(Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var corpus = DiskCorpus.Load(new[] { "." }, folder, settings);
        return CliEngine.Lint(corpus.Request(settings)).Diagnostics;
    }

    /// <summary>The diagnostic Microsoft.CodeAnalysis.Testing expects for an engine finding.</summary>
    public static DiagnosticResult Expected(LintDiagnostic d) =>
        new DiagnosticResult(d.Rule.Id, SoulLintDescriptors.ToRoslyn(d.Severity))
            .WithSpan(d.FullPath!, d.Line, d.Column, d.EndLine, d.EndColumn)
            .WithArguments(d.Message);

    /// <summary>The analyzer run directly (as the compiler runs it), for what the testing library does not compare: offsets.</summary>
    public static async Task<ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> RunAsync(string folder, string globalConfig = "", string? todayOverride = null, IReadOnlyDictionary<string, ReportDiagnostic>? specificOptions = null, CancellationToken cancellationToken = default)
    {
        var additional = TestPaths.ContentFiles(folder).Select(p => (AdditionalText)new InMemoryAdditionalText(p, AsCompilerReads(File.ReadAllBytes(p)))).ToImmutableArray();
        // specificOptions: what <NoWarn> and <WarningsAsErrors> become on the compiler's command line.
        var compilation = CSharpCompilation.Create("corpus", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: specificOptions));
        var options = new AnalyzerOptions(additional, new BuildProperties(GlobalConfig(folder, globalConfig, todayOverride ?? Today)));
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(Analyzer), options);
        return await analyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The library's analyzer test, except that it leaves rules that are off by default off, as a build does.</summary>
    internal sealed class AsABuildRunsIt : CSharpAnalyzerTest<SoulLintAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { Analyzer };

        protected override Project ApplyCompilationOptions(Project project)
        {
            var applied = base.ApplyCompilationOptions(project);
            return applied.WithCompilationOptions(applied.CompilationOptions!.WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty));
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The build_property.* options of a global config (enough for the properties the props expose).</summary>
    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public BuildProperties(string globalConfig)
        {
            _options = new Options(globalConfig.Split('\n')
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2 && p[0].Trim().StartsWith("build_property.", StringComparison.Ordinal))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase));
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
