using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using LinePosition = Microsoft.CodeAnalysis.Text.LinePosition;
using LintDiagnostic = SoulAtlas.Lint.Diagnostics.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace SoulAtlas.Lint.Analyzers;

/// <summary>
/// One compilation's occupation corpus: its content additional files, the settings its options
/// and soul-lint.json describe, and — once the first file is asked about — the engine's
/// diagnostics for all of them, which every additional-file action then reports from.
/// </summary>
internal sealed class CompilationCorpus
{
    /// <summary>The MSBuild properties the package's props make visible to the analyzer.</summary>
    public const string TodayProperty = "build_property.SoulLintToday";
    public const string SiteUrlProperty = "build_property.SoulLintSiteUrl";
    public const string RootProperty = "build_property.SoulLintRoot";
    private const string ProjectDirProperty = "build_property.projectdir";

    private readonly Compilation _compilation;
    private readonly LintEngine _engine;
    private readonly ConditionalWeakTable<AdditionalText, ContentFile> _documents;
    private readonly ImmutableArray<AdditionalText> _content;
    private readonly HashSet<string> _contentPaths;
    private readonly LintSettings? _settings;
    private readonly string? _baseDirectory;
    private readonly string? _configPath;
    private readonly string? _configProblem;
    private readonly object _gate = new();
    private Dictionary<string, List<LintDiagnostic>>? _byFile;

    private CompilationCorpus(Compilation compilation, LintEngine engine, ConditionalWeakTable<AdditionalText, ContentFile> documents, ImmutableArray<AdditionalText> content, LintSettings? settings, string? baseDirectory, string? configPath, string? configProblem)
    {
        _compilation = compilation;
        _engine = engine;
        _documents = documents;
        _content = content;
        _contentPaths = new HashSet<string>(content.Select(f => f.Path), StringComparer.Ordinal);
        _settings = settings;
        _baseDirectory = baseDirectory;
        _configPath = configPath;
        _configProblem = configProblem;
    }

    /// <summary>The corpus of a compilation, or null when it has no occupation content and no soul-lint.json.</summary>
    public static CompilationCorpus? Create(Compilation compilation, AnalyzerOptions options, LintEngine engine, ConditionalWeakTable<AdditionalText, ContentFile> documents, CancellationToken cancellationToken)
    {
        var candidates = options.AdditionalFiles.Where(f => IsContent(f.Path)).ToList();
        var root = Option(options, RootProperty) ?? Option(options, ProjectDirProperty);
        var config = FindConfig(options.AdditionalFiles, root);
        if (candidates.Count == 0 && config is null)
        {
            return null;
        }

        LintSettings settings;
        try
        {
            settings = Settings(config, options.AdditionalFiles, cancellationToken);
        }
        catch (ConfigException ex)
        {
            return new CompilationCorpus(compilation, engine, documents, ImmutableArray<AdditionalText>.Empty, null, root, config!.Path, ex.Message);
        }

        if (Option(options, TodayProperty) is { } today
            && DateTime.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            settings = settings with { Today = day };
        }

        if (Option(options, SiteUrlProperty) is { } siteUrl)
        {
            settings = settings with { SiteUrl = siteUrl };
        }

        // Every rule runs, off ones included: which to show is Roslyn's decision (a .globalconfig
        // can turn an off rule on). One thread: the compiler already runs analyzers concurrently.
        settings = settings with { RunDisabledRules = true, MaxDegreeOfParallelism = 1 };
        var filter = PathFilter.For(settings);
        var content = candidates
            .Where(f => !Ignored(filter, f.Path, settings.GlobBase))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CompilationCorpus(compilation, engine, documents, content, settings, root ?? config?.Path.Substring(0, config.Path.Length - LintConfig.FileName.Length - 1), config?.Path, null);
    }

    /// <summary>Reports one additional file's diagnostics (the config's problem, when it is the config).</summary>
    public void Report(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (_configProblem is not null && string.Equals(path, _configPath, StringComparison.Ordinal))
        {
            context.ReportDiagnostic(RoslynDiagnostic.Create(SoulLintDescriptors.ConfigProblem, Location.Create(path, default, default), _configProblem));
            return;
        }

        if (!_contentPaths.Contains(path) || !Diagnostics(context.CancellationToken).TryGetValue(path, out var found))
        {
            return;
        }

        var length = context.AdditionalFile.GetText(context.CancellationToken)?.Length ?? 0;
        foreach (var d in found)
        {
            var descriptor = Descriptor(d, context.CancellationToken);
            if (descriptor is null)
            {
                continue;
            }

            var start = Math.Min(d.Start, length);
            var span = new TextSpan(start, Math.Min(d.Length, length - start));
            var lines = new LinePositionSpan(new LinePosition(d.Line - 1, d.Column - 1), new LinePosition(d.EndLine - 1, d.EndColumn - 1));
            var severity = d.Severity == Severity.Off ? descriptor.DefaultSeverity : SoulLintDescriptors.ToRoslyn(d.Severity);
            context.ReportDiagnostic(RoslynDiagnostic.Create(descriptor, Location.Create(path, span, lines), severity, additionalLocations: null, properties: null, d.Message));
        }
    }

    /// <summary>
    /// Which descriptor a finding is reported with, or null when it is not to be reported. A finding
    /// of a rule that is off (by default or in soul-lint.json) is reported only when the build
    /// configures that ID (a .globalconfig, NoWarn, WarningsAsErrors), whose severity then wins; a
    /// rule that soul-lint.json turns on is reported as enabled.
    /// </summary>
    private DiagnosticDescriptor? Descriptor(LintDiagnostic finding, CancellationToken cancellationToken)
    {
        if (finding.Severity != Severity.Off)
        {
            return finding.Rule.DefaultSeverity == Severity.Off ? SoulLintDescriptors.Enabled(finding.Rule) : SoulLintDescriptors.For(finding.Rule);
        }

        return Configured(finding.Rule.Id, cancellationToken) ? SoulLintDescriptors.For(finding.Rule) : null;
    }

    private bool Configured(string id, CancellationToken cancellationToken)
    {
        var options = _compilation.Options;
        if (options.SpecificDiagnosticOptions.ContainsKey(id))
        {
            return true;
        }

        return options.SyntaxTreeOptionsProvider is { } provider
            && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var report)
            && report != ReportDiagnostic.Default;
    }

    /// <summary>The corpus's diagnostics by file: linted once, by whichever file's action asks first.</summary>
    private Dictionary<string, List<LintDiagnostic>> Diagnostics(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byFile is not null)
            {
                return _byFile;
            }

            var documents = new List<ContentFile>(_content.Length);
            foreach (var file in _content)
            {
                cancellationToken.ThrowIfCancellationRequested();
                documents.Add(_documents.GetValue(file, f => Read(f, cancellationToken)));
            }

            // Everything is in scope, nothing named: as the CLI run on the project's folder, a JSON
            // file that is no record (a tool's config) is passed over unless it sits among records.
            var folders = documents.Select(d => System.IO.Path.GetDirectoryName(d.Path) ?? string.Empty).Distinct(StringComparer.Ordinal);
            var request = new LintRequest(documents, _settings!)
            {
                Scope = new LintScope(Array.Empty<string>(), folders),
                BaseDirectory = _baseDirectory,
            };
            var result = _engine.Lint(request, cancellationToken);
            var byFile = new Dictionary<string, List<LintDiagnostic>>(StringComparer.Ordinal);
            foreach (var d in result.Diagnostics)
            {
                if (d.FullPath is null)
                {
                    continue;
                }

                if (!byFile.TryGetValue(d.FullPath, out var list))
                {
                    byFile.Add(d.FullPath, list = new List<LintDiagnostic>());
                }

                list.Add(d);
            }

            _byFile = byFile;
            return byFile;
        }
    }

    /// <summary>
    /// A document as the engine wants it. The compiler hands over decoded text: a byte-order mark
    /// it saw goes back in front (invalid-encoding reports it), and a file it had to decode with a
    /// fallback code page (not UTF-8) is turned back into its bytes, so the engine finds the bad byte.
    /// </summary>
    private static ContentFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return ContentFile.Unreadable(file.Path, "the compiler could not read it");
        }

        var encoding = text.Encoding;
        if (encoding is not null && encoding.CodePage != 65001)
        {
            return ContentFile.FromBytes(file.Path, encoding.GetBytes(text.ToString()));
        }

        var hasByteOrderMark = encoding is not null && encoding.GetPreamble().Length > 0;
        return ContentFile.FromText(file.Path, hasByteOrderMark ? "\uFEFF" + text : text.ToString());
    }

    private static LintSettings Settings(AdditionalText? config, ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        if (config is null)
        {
            return new LintSettings();
        }

        var text = config.GetText(cancellationToken)?.ToString() ?? throw new ConfigException($"{config.Path}: the compiler could not read it");
        var parsed = LintConfig.Parse(text, config.Path, config.Path);
        var byPath = files.ToDictionary(f => Normalize(f.Path), f => f, StringComparer.Ordinal);
        var contract = parsed.LoadContract(path => byPath.TryGetValue(Normalize(path), out var f) ? f.GetText(cancellationToken)?.ToString() : null);
        return LintConfig.ToSettings(parsed, contract);
    }

    /// <summary>
    /// Whether the config leaves a file out, decided as the CLI's discovery decides it: a folder it
    /// ignores is not entered, a record file is judged itself (and against the <c>records</c> globs),
    /// and a SOUL.md or metadata.yaml goes with its folder.
    /// </summary>
    private static bool Ignored(PathFilter filter, string path, string? globBase)
    {
        var isRecord = path.EndsWith(".json", StringComparison.Ordinal);
        if (isRecord && (filter.IsIgnored(path, isDirectory: false) || !filter.MayBeRecord(path)))
        {
            return true;
        }

        for (var folder = System.IO.Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder) && globBase is not null && folder!.Length > globBase.Length; folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (filter.IsIgnored(folder, isDirectory: true))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>The project's soul-lint.json: the one in the root folder, else the one nearest the top.</summary>
    private static AdditionalText? FindConfig(ImmutableArray<AdditionalText> files, string? root)
    {
        var configs = files.Where(f => string.Equals(FileName(f.Path), LintConfig.FileName, StringComparison.Ordinal)).OrderBy(f => f.Path.Length).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (root is not null)
        {
            var atRoot = configs.FirstOrDefault(f => string.Equals(Normalize(f.Path), Normalize(root).TrimEnd('/') + "/" + LintConfig.FileName, StringComparison.Ordinal));
            if (atRoot is not null)
            {
                return atRoot;
            }
        }

        return configs.FirstOrDefault();
    }

    private static bool IsContent(string path)
    {
        var name = FileName(path);
        return name is "SOUL.md" or "metadata.yaml"
            || (name.EndsWith(".json", StringComparison.Ordinal) && !string.Equals(name, LintConfig.FileName, StringComparison.Ordinal));
    }

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(slash + 1);
    }

    private static string? Option(AnalyzerOptions options, string key) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
