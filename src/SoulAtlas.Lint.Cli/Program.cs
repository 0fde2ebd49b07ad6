using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Formatting;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Cli;

public static class Program
{
    public const int ExitClean = ExitCodes.Clean;
    public const int ExitLintErrors = ExitCodes.LintErrors;
    public const int ExitUsage = ExitCodes.Usage;

    private static readonly string[] Formats = { "text", "json", "sarif", "github", "msbuild" };

    private static readonly System.Diagnostics.Stopwatch ProcessClock = System.Diagnostics.Stopwatch.StartNew();

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var environment = CliEnvironment.FromConsole();
        try
        {
            return Run(args, environment);
        }
        catch (Exception ex)
        {
            // Never a stack trace: say what failed and exit 2, as §4 requires for internal failures.
            environment.Error.WriteLine($"soul-lint: internal error: {ex.Message} (please report it)");
            return ExitUsage;
        }
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs soul-lint with <paramref name="args"/>; the exit code is returned, not set.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to lint (default: the current folder). Links resolve against the whole corpus.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, sarif, github or msbuild.", DefaultValueFactory = _ => "text", HelpName = "format" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "file" };
        var config = new Option<string?>("--config", "-c") { Description = "Use this soul-lint.json instead of the one found above the first path.", HelpName = "file" };
        var rule = new Option<string[]>("--rule") { Description = "Set a rule's severity, by ID or name; overrides the config (repeatable).", HelpName = "name=off|info|warning|error", AllowMultipleArgumentsPerToken = false };
        var maxWarnings = new Option<string?>("--max-warnings") { Description = "Exit 1 when there are more than N warnings.", HelpName = "n" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Report errors only." };
        var noColor = new Option<bool>("--no-color") { Description = "Never use colours (NO_COLOR=1 does the same)." };
        var color = new Option<bool>("--color") { Description = "Use colours and code frames even when output is not a terminal." };
        var noGitIgnore = new Option<bool>("--no-gitignore") { Description = "Also lint paths that .gitignore files exclude." };
        var today = new Option<string?>("--today") { Description = "The date future dates are judged by (YYYY-MM-DD; default: today, UTC).", HelpName = "date" };
        var baseline = new Option<string?>("--baseline") { Description = "Report only problems not recorded in this baseline file.", HelpName = "file" };
        var fix = new Option<bool>("--fix") { Description = "Apply the safe fixes, writing each file atomically: in souls/ folders the slug, duplicate and self-related entries, single tildes, section order, unquoted dates and byte-order marks; in records stale computed values, ids, backlinks and citations. Suggestions are never applied." };
        var fixDryRun = new Option<bool>("--fix-dry-run") { Description = "Print a unified diff of what --fix would write, and write nothing; exit 1 when --fix would change a file, 0 otherwise. The report goes to --output only." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record today's problems in a baseline file (and report none of them).", HelpName = "file" };
        var cache = new Option<bool>("--cache") { Description = "Reuse earlier results for occupations whose files, and whatever their checks read of other occupations, are unchanged, keeping them in .soul-lint-cache in the current folder (or --cache-location), also where CI is set. Without it, results are kept in the user's cache folder, except under CI. Not used by --fix or compute." };
        var noCache = new Option<bool>("--no-cache") { Description = "Check everything afresh and keep no results." };
        var cacheStrategy = new Option<string>("--cache-strategy") { Description = "How the cache tells that a file is unchanged: metadata (its identity, size and modification and change times, where the system reports them; a file changed in the last two seconds is read) or content (every file read and hashed).", DefaultValueFactory = _ => "metadata", HelpName = "metadata|content" };
        cacheStrategy.AcceptOnlyFromAmong("metadata", "content");
        var cacheLocation = new Option<string?>("--cache-location") { Description = "With --cache: keep the cache in this file, or in .soul-lint-cache in this folder (default: the current folder).", HelpName = "path" };

        var root = new RootCommand(
            "soul-lint: lint SOUL Atlas occupation content — souls/<slug>/ folders and published records.\n\n" +
            "Examples:\n" +
            "  soul-lint                                  lint the corpus in the current folder\n" +
            "  soul-lint souls/diplomat                   lint one occupation (links still resolve corpus-wide)\n" +
            "  soul-lint --format github                  annotations for a GitHub Actions step\n" +
            "  soul-lint --format sarif -o soul-lint.sarif   for GitHub code scanning\n" +
            "  soul-lint --rule thin-section=off --max-warnings 0\n" +
            "  soul-lint --fix                            apply the safe fixes (sources and records)\n" +
            "  soul-lint --fix-dry-run                    what --fix would change, as a diff; exit 1 if anything\n" +
            "  soul-lint --write-baseline .soul-lint-baseline.json   adopt gradually\n" +
            "  soul-lint --no-cache                       check everything afresh (results are otherwise kept between runs)")
        {
            paths, format, output, config, rule, maxWarnings, quiet, fix, fixDryRun, noColor, color, noGitIgnore, today, baseline, writeBaseline, cache, noCache, cacheLocation, cacheStrategy,
        };

        var rulesCommand = new Command("rules", "List every rule: ID, name, default and effective severity, fixable, description.\n\nExamples:\n  soul-lint rules\n  soul-lint rules --rule orphan=warning") { rule, config };
        var explainTarget = new Argument<string>("rule") { Description = "A rule ID (SOUL300) or name (related-exists)." };
        var explainCommand = new Command("explain", "Show a rule's documentation, with a bad and a good example.\n\nExamples:\n  soul-lint explain SOUL300\n  soul-lint explain thin-section") { explainTarget };
        var computePaths = new Argument<string[]>("paths") { Description = "Records or souls/<slug> folders (backlinks resolve against the corpus).", Arity = ArgumentArity.OneOrMore };
        var computeCommand = new Command("compute", "Print the recomputed computed block(s), section ids and word counts as JSON.\n\nExamples:\n  soul-lint compute souls/diplomat\n  soul-lint compute api/souls/diplomat.json") { computePaths, config, noGitIgnore };
        var graphPaths = new Argument<string[]>("paths") { Description = "The corpus, or a file or folder in it (default: the current folder); the graph is always the whole corpus's.", Arity = ArgumentArity.ZeroOrMore };
        var graphFormat = new Option<string>("--format", "-f") { Description = "Output format: dot (Graphviz), json or mermaid.", DefaultValueFactory = _ => "dot", HelpName = "format" };
        graphFormat.AcceptOnlyFromAmong(GraphFormatter.Formats.ToArray());
        var around = new Option<string?>("--around") { Description = "Print only the souls within --depth links of this slug (links followed either way).", HelpName = "slug" };
        var depth = new Option<int>("--depth") { Description = "How many links from --around to follow (default 1).", DefaultValueFactory = _ => 1, HelpName = "n" };
        var graphCommand = new Command("graph", "Print the typed knowledge graph that related[] entries draw.\n\nExamples:\n  soul-lint graph | dot -Tsvg > graph.svg\n  soul-lint graph --format mermaid --around physician --depth 2\n  soul-lint graph --format json") { graphPaths, graphFormat, around, depth, config, noGitIgnore };
        root.Subcommands.Add(rulesCommand);
        root.Subcommands.Add(explainCommand);
        root.Subcommands.Add(computeCommand);
        root.Subcommands.Add(graphCommand);

        // The host's own phases, for SOUL_LINT_TIMING: what a run costs before and around the engine.
        var hostTimings = new List<(string Phase, double Milliseconds)>();
        var hostLapStarted = TimeSpan.Zero;
        void HostLap(string phase)
        {
            var now = ProcessClock.Elapsed;
            hostTimings.Add((phase, (now - hostLapStarted).TotalMilliseconds));
            hostLapStarted = now;
        }

        int Execute(ParseResult parse)
        {
            HostLap("start and read the options");
            try
            {
                var command = parse.CommandResult.Command;
                if (command == explainCommand)
                {
                    return Explain(environment, parse.GetValue(explainTarget)!);
                }

                var given = command == computeCommand ? parse.GetValue(computePaths) : command == graphCommand ? parse.GetValue(graphPaths) : command == root ? parse.GetValue(paths) : null;
                foreach (var token in given ?? Array.Empty<string>())
                {
                    // An option the parser does not know arrives as a path; say what it is.
                    if (token.Length > 1 && token[0] == '-' && !File.Exists(Path.Combine(environment.WorkingDirectory, token)) && !Directory.Exists(Path.Combine(environment.WorkingDirectory, token)))
                    {
                        throw new LintUsageException($"unknown option {token} (see 'soul-lint --help')");
                    }
                }

                var firstPath = given?.FirstOrDefault();
                var lintConfig = LoadConfig(environment, parse.GetValue(config), firstPath);
                var overrides = ParseSeverities(parse.GetValue(rule) ?? Array.Empty<string>());
                if (command == rulesCommand)
                {
                    var severities = new Dictionary<string, Severity>(lintConfig?.Severities ?? new Dictionary<string, Severity>(), StringComparer.Ordinal);
                    foreach (var pair in overrides)
                    {
                        severities[pair.Key] = pair.Value;
                    }

                    return PrintRules(environment, severities);
                }

                var settings = DiskConfig.Settings(lintConfig, overrides) with
                {
                    Today = ParseToday(parse.GetValue(today)),
                    CollectComputed = command == computeCommand,
                    MaxDegreeOfParallelism = Environment.ProcessorCount,
                };
                var engine = new LintEngine();
                var fixing = parse.GetValue(fix) || parse.GetValue(fixDryRun);
                if (parse.GetValue(cacheLocation) is not null && !parse.GetValue(cache))
                {
                    throw new LintUsageException("--cache-location needs --cache");
                }

                if (parse.GetValue(cache) && parse.GetValue(noCache))
                {
                    throw new LintUsageException("--cache and --no-cache contradict each other");
                }

                // The cache asked for is kept where asked, with a note on anything wrong with it. The
                // default one lives in the user's cache folder, one file per working folder, and is kept
                // quietly: a run never fails or says more because of it. CI machines start afresh each
                // time, so there it would only cost the writing; --cache keeps one there on purpose.
                var explicitCache = parse.GetValue(cache);
                var cachePath = command != root || fixing || parse.GetValue(noCache)
                    ? null
                    : explicitCache
                        ? CacheFile.Resolve(parse.GetValue(cacheLocation), environment.WorkingDirectory)
                        : environment.IsCi ? null : CacheFile.UserCache(environment.WorkingDirectory, environment.Variable);
                var cacheDisplay = cachePath is null ? null : PathDisplay.Relative(environment.WorkingDirectory, cachePath);
                HostLap("read the configuration");

                // Decoding the cache file costs tens of milliseconds for a large corpus; it needs nothing
                // from the corpus, so it runs while the corpus is found, on the other core.
                var cachePlace = cachePath is null ? CachePlace.Unusable : CacheFile.Probe(cachePath);
                var cacheReading = cachePath is null ? null : System.Threading.Tasks.Task.Run(() =>
                {
                    var read = CacheFile.Read(cachePath, cacheDisplay!, out var note);
                    return (Cache: read, Note: note);
                });
                LintCache? lintCache = null;
                LintCache? CacheRead()
                {
                    if (cacheReading is not null)
                    {
                        var (read, note) = cacheReading.GetAwaiter().GetResult();
                        cacheReading = null;
                        lintCache = read;
                        HostLap("wait for the cache file");
                        if (note is not null && explicitCache)
                        {
                            environment.Error.WriteLine("soul-lint: info: " + note);
                        }
                    }

                    return lintCache;
                }

                // Loading and compiling the schemas takes tens of milliseconds of a short run; it needs
                // nothing from the corpus, so it runs while the corpus is found and read. A run with a
                // filled cache usually checks little or nothing, and loads them only if it must.
                System.Threading.Tasks.Task? warmUp = cachePlace == CachePlace.File ? null : System.Threading.Tasks.Task.Run(() => engine.Prepare(settings));
                var measure = environment.Variable("SOUL_LINT_TIMING") is { Length: > 0 };
                LintResult LintOnDisk(IReadOnlyList<string> lintPaths, LintProgress? progress, bool fixing, bool write, out int fixedCount, out FixOutcome? fixOutcome)
                {
                    fixOutcome = null;
                    // Files changed in the last two seconds are hashed: a time stamp can stay the same
                    // through an edit made within the file system's granularity after it was read.
                    var versionsBefore = !fixing && cachePlace != CachePlace.Unusable && parse.GetValue(cacheStrategy) == "metadata" ? environment.UtcNow().AddSeconds(-2) : (DateTime?)null;
                    DiskCorpus found;
                    try
                    {
                        found = DiskCorpus.Load(lintPaths, environment.WorkingDirectory, settings, useGitIgnore: !parse.GetValue(noGitIgnore), versionsBefore: versionsBefore);
                    }
                    catch
                    {
                        // What was wrong with the cache is still said before the reason the run stops.
                        CacheRead();
                        throw;
                    }

                    using var corpus = found;
                    HostLap("find and open the files");
                    CacheRead();
                    if (warmUp is not null)
                    {
                        warmUp.GetAwaiter().GetResult();
                    }
                    else if (lintCache is not { Count: > 0 } || !lintCache.KnowsEvery(corpus.Documents))
                    {
                        // A file the cache does not know at its version: something will be checked, so the
                        // schemas load on the other core while the engine takes what it can from the cache
                        // (the first check waits for them if it gets there first).
                        _ = System.Threading.Tasks.Task.Run(() => engine.Prepare(settings));
                    }

                    HostLap("wait for the schemas");
                    var request = new LintRequest(corpus.Documents, settings)
                    {
                        Scope = corpus.Scope,
                        BaseDirectory = environment.WorkingDirectory,
                        Progress = progress,
                        Clock = () => ProcessClock.Elapsed,
                        MeasureRules = measure,
                        Cache = fixing ? null : lintCache,
                    };
                    fixedCount = 0;
                    if (!fixing)
                    {
                        return engine.Lint(request);
                    }

                    var outcome = engine.Fix(request);
                    fixOutcome = outcome;
                    fixedCount = outcome.Fixed;
                    if (!write)
                    {
                        return outcome.Result;
                    }

                    var notWrittenPaths = new List<string>();
                    var notWritten = corpus.WriteFixes(outcome, notWrittenPaths);
                    foreach (var line in notWritten)
                    {
                        environment.Error.WriteLine("soul-lint: warning: " + line);
                    }

                    if (notWrittenPaths.Count == 0)
                    {
                        return outcome.Result;
                    }

                    // Some repairs stayed in memory: report what the files on disk now hold.
                    using var after = DiskCorpus.Load(lintPaths, environment.WorkingDirectory, settings, useGitIgnore: !parse.GetValue(noGitIgnore));
                    fixedCount = outcome.Fixed - notWrittenPaths.Sum(p => outcome.AppliedByFile.TryGetValue(p, out var n) ? n : 0);
                    return engine.Lint(after.Request(settings));
                }

                if (command == graphCommand)
                {
                    return PrintGraph(environment, engine, settings, given ?? Array.Empty<string>(), !parse.GetValue(noGitIgnore), parse.GetValue(graphFormat) ?? "dot", parse.GetValue(around), parse.GetValue(depth));
                }

                if (command == computeCommand)
                {
                    var computed = LintOnDisk(parse.GetValue(computePaths)!, null, fixing: false, write: false, out _, out _);
                    if (computed.Computed.Count == 0)
                    {
                        environment.Error.WriteLine("soul-lint: no occupation found at the given path");
                        return ExitUsage;
                    }

                    environment.Out.Write(ComputedFormatter.Format(computed.Computed));
                    return ExitClean;
                }

                var lintPaths = parse.GetValue(paths) ?? Array.Empty<string>();
                var dryRun = parse.GetValue(fixDryRun);
                var fixedCount = 0;
                FixOutcome? fixOutcome = null;
                var result = ProgressDisplay.Run(environment, progress =>
                {
                    var linted = LintOnDisk(lintPaths, progress, fixing, write: !dryRun, out var count, out var outcome);
                    fixedCount = count;
                    fixOutcome = outcome;
                    return linted;
                });
                HostLap("lint (the engine's phases below)");
                if (CacheRead() is { } cacheToSave && result.Cache is { Changed: true } && CacheFile.Write(cachePath!, cacheDisplay!, cacheToSave, onlyOverCache: !explicitCache) is { } notSaved && explicitCache)
                {
                    environment.Error.WriteLine("soul-lint: warning: " + notSaved);
                }

                var reportRequest = new ReportRequest(
                    parse.GetValue(format) ?? "text",
                    parse.GetValue(output),
                    parse.GetValue(quiet),
                    ParseMaxWarnings(parse.GetValue(maxWarnings)),
                    parse.GetValue(noColor),
                    parse.GetValue(color),
                    parse.GetValue(baseline),
                    parse.GetValue(writeBaseline));
                if (lintCache is not null)
                {
                    HostLap("write the cache file");
                }

                if (!dryRun)
                {
                    return Report(environment, result, fixedCount, reportRequest, hostTimings: hostTimings);
                }

                // As ruff --diff: the diff on standard output, a line on standard error, and exit 1
                // when --fix would change something, so CI can ask "is everything fixed?".
                var changed = PrintDiff(environment, fixOutcome!);
                var reported = Report(environment, result, fixedCount, reportRequest, print: false);
                return reported == ExitUsage ? ExitUsage : changed ? ExitLintErrors : ExitClean;
            }
            catch (WriteRefusedException ex)
            {
                environment.Error.WriteLine($"soul-lint: {PathDisplay.Relative(environment.WorkingDirectory, Path.GetFullPath(ex.Path))}: {ex.Reason}");
                return ExitUsage;
            }
            catch (Exception ex) when (ex is LintUsageException or ConfigException or BaselineException)
            {
                environment.Error.WriteLine("soul-lint: " + ex.Message);
                return ExitUsage;
            }
        }

        root.SetAction(Execute);
        rulesCommand.SetAction(Execute);
        explainCommand.SetAction(Execute);
        computeCommand.SetAction(Execute);
        graphCommand.SetAction(Execute);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                environment.Error.WriteLine("soul-lint: " + error.Message);
            }

            environment.Error.WriteLine("Run 'soul-lint --help' for usage.");
            return ExitUsage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false });
    }

    private sealed record ReportRequest(string Format, string? Output, bool Quiet, int? MaxWarnings, bool NoColor, bool ForceColor, string? Baseline, string? WriteBaseline);

    /// <summary>Prints the unified diff of every file a fix run changed, in path order; says on standard error how much would change.</summary>
    private static bool PrintDiff(CliEnvironment environment, FixOutcome outcome)
    {
        var sb = new StringBuilder();
        foreach (var path in outcome.Changed.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            var display = PathDisplay.Relative(environment.WorkingDirectory, path);
            sb.Append(UnifiedDiff.Format(display, outcome.Original[path], outcome.Changed[path], safeForTerminal: environment.OutIsTerminal));
        }

        environment.Out.Write(sb.ToString());
        environment.Out.Flush();
        var files = outcome.Changed.Count;
        environment.Error.WriteLine(files == 0
            ? "soul-lint: --fix would change nothing"
            : $"soul-lint: --fix would apply {outcome.Fixed} {(outcome.Fixed == 1 ? "fix" : "fixes")} to {files} {(files == 1 ? "file" : "files")}");
        return files > 0;
    }

    private static int Report(CliEnvironment environment, LintResult result, int fixedCount, ReportRequest request, bool print = true, IReadOnlyList<(string Phase, double Milliseconds)>? hostTimings = null)
    {
        Baseline? baseline = null;
        if (request.WriteBaseline is not null)
        {
            var written = Baseline.From(result.Diagnostics);
            AtomicFile.Write(Path.Combine(environment.WorkingDirectory, request.WriteBaseline), written.ToText(Version));
            environment.Error.WriteLine($"soul-lint: recorded {written.Count} {(written.Count == 1 ? "problem" : "problems")} in {request.WriteBaseline}");
            baseline = written;
        }
        else if (request.Baseline is not null)
        {
            baseline = DiskConfig.ReadBaseline(Path.Combine(environment.WorkingDirectory, request.Baseline), request.Baseline);
        }

        var outcome = new ReportPolicy { Baseline = baseline, Quiet = request.Quiet, MaxWarnings = request.MaxWarnings }.Apply(result);
        result = outcome.Result;
        var toTerminal = request.Output is null && environment.OutIsTerminal;
        var options = new ReportOptions
        {
            ToolVersion = Version,
            Color = request.ForceColor || (toTerminal && !request.NoColor && !environment.NoColorRequested),
            CodeFrames = request.ForceColor || toTerminal,
            Fixed = fixedCount,
        };
        var report = request.Format switch
        {
            "json" => JsonFormatter.Format(result, Version, fixedCount),
            "sarif" => SarifFormatter.Format(result, options),
            "github" => GitHubFormatter.Format(result),
            "msbuild" => MsBuildFormatter.Format(result),
            _ => TextFormatter.Format(result, options),
        };

        if (request.Output is not null)
        {
            AtomicFile.Write(Path.Combine(environment.WorkingDirectory, request.Output), report);
        }
        else if (print)
        {
            try
            {
                environment.Out.Write(report);
                environment.Out.Flush();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                _ = ex;
                environment.Error.WriteLine("soul-lint: cannot write the report to standard output (it is closed or not writable)");
                return ExitUsage;
            }
        }

        if (environment.Variable("SOUL_LINT_TIMING") is { Length: > 0 })
        {
            // Where the time went, like ESLint's TIMING: the host's phases, the engine's, then the whole process so far.
            foreach (var (phase, ms) in hostTimings ?? Array.Empty<(string, double)>())
            {
                environment.Error.WriteLine($"timing: {phase,-24} {ms,8:F1} ms");
            }

            foreach (var (phase, ms) in result.Timings)
            {
                environment.Error.WriteLine($"timing: {phase,-24} {ms,8:F1} ms");
            }

            if (result.Cache is { } use)
            {
                environment.Error.WriteLine($"timing: cache: {use.Reused} occupations reused, {use.Checked} checked, {use.Surveyed} indexed afresh; {use.Asked} reused results asked again");
            }

            environment.Error.WriteLine($"timing: {"process so far",-24} {ProcessClock.Elapsed.TotalMilliseconds,8:F1} ms");
            environment.Error.WriteLine($"timing: {"allocated so far",-24} {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0),8:F1} MB in {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} of generation 1, {GC.CollectionCount(2)} full)");
            if (System.Runtime.JitInfo.GetCompiledMethodCount() > 0)
            {
                // Methods the ReadyToRun build had no precompiled code for, compiled at run time (none in the native build).
                environment.Error.WriteLine($"timing: {"compiled at run time",-24} {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,8:F1} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods");
            }
        }

        if (outcome.Message is not null)
        {
            environment.Error.WriteLine("soul-lint: " + outcome.Message);
        }

        return outcome.ExitCode;
    }

    private static LintConfig? LoadConfig(CliEnvironment environment, string? explicitPath, string? firstPath)
    {
        string? path;
        if (explicitPath is not null)
        {
            path = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, explicitPath));
            if (!File.Exists(path))
            {
                throw new ConfigException($"--config {explicitPath}: file not found");
            }
        }
        else
        {
            path = DiskConfig.Find(Path.GetFullPath(Path.Combine(environment.WorkingDirectory, firstPath ?? ".")));
        }

        return path is null ? null : DiskConfig.Load(path, PathDisplay.Relative(environment.WorkingDirectory, path));
    }

    private static Dictionary<string, Severity> ParseSeverities(IEnumerable<string> settings)
    {
        var result = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new LintUsageException($"--rule {setting}: expected NAME=off|info|warning|error");
            }

            var name = setting[..eq].Trim();
            var found = RuleCatalogue.Find(name) ?? throw new LintUsageException($"--rule {setting}: unknown rule {name} (see 'soul-lint rules')");
            if (!SeverityNames.TryParse(setting[(eq + 1)..], out var severity))
            {
                throw new LintUsageException($"--rule {setting}: unknown severity {setting[(eq + 1)..]}; use off, info, warning or error");
            }

            result[found.Id] = severity;
        }

        return result;
    }

    private static int? ParseMaxWarnings(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new LintUsageException($"--max-warnings {text}: expected a whole number of warnings (0 or more)");
    }

    private static DateTime ParseToday(string? text)
    {
        if (text is null)
        {
            return DateTime.UtcNow.Date;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new LintUsageException($"--today {text}: expected a date as YYYY-MM-DD");
    }

    private static int PrintGraph(CliEnvironment environment, LintEngine engine, LintSettings settings, IReadOnlyList<string> graphPaths, bool useGitIgnore, string format, string? around, int depth)
    {
        if (depth < 0)
        {
            throw new LintUsageException($"--depth {depth}: expected a number of links (0 or more)");
        }

        using var corpus = DiskCorpus.Load(graphPaths, environment.WorkingDirectory, settings, useGitIgnore);
        var graph = engine.Index(corpus.Request(settings)).Graph;
        if (around is not null && !graph.Contains(around))
        {
            var suggestion = EditDistance.Nearest(around, graph.Slugs, Math.Max(2, around.Length / 5));
            throw new LintUsageException($"--around {around}: no occupation of the corpus has this slug{(suggestion is null ? string.Empty : $" (did you mean {suggestion}?)")}");
        }

        environment.Out.Write(GraphFormatter.Format(graph, format, around, depth));
        return ExitClean;
    }

    private static int PrintRules(CliEnvironment environment, Dictionary<string, Severity> severities)
    {
        var rows = RuleCatalogue.All.Select(r => new[]
        {
            r.Id,
            r.Name,
            r.DefaultSeverity.ToName(),
            (severities.TryGetValue(r.Id, out var s) ? s : r.DefaultSeverity).ToName(),
            r.Fixable ? "yes" : "",
            r.Description,
        }).ToList();
        var header = new[] { "ID", "NAME", "DEFAULT", "EFFECTIVE", "FIX", "DESCRIPTION" };
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        void Write(string[] cells)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < cells.Length - 1; i++)
            {
                sb.Append(cells[i].PadRight(widths[i])).Append("  ");
            }

            environment.Out.WriteLine(sb.Append(cells[^1]).ToString());
        }

        Write(header);
        rows.ForEach(Write);
        return ExitClean;
    }

    private static int Explain(CliEnvironment environment, string idOrName)
    {
        var rule = RuleCatalogue.Find(idOrName);
        if (rule is null)
        {
            environment.Error.WriteLine($"soul-lint: unknown rule {idOrName} (see 'soul-lint rules')");
            return ExitUsage;
        }

        var page = RuleDocs.Page(rule);
        if (page is not null)
        {
            environment.Out.Write(page.EndsWith('\n') ? page : page + "\n");
            return ExitClean;
        }

        environment.Out.WriteLine($"# {rule.Name} ({rule.Id})");
        environment.Out.WriteLine();
        environment.Out.WriteLine(rule.Description);
        environment.Out.WriteLine();
        environment.Out.WriteLine(rule.Details);
        return ExitClean;
    }
}
