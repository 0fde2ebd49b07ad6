using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Formatting;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Cli;

public static class Program
{
    public const int ExitClean = 0;
    public const int ExitLintErrors = 1;
    public const int ExitUsage = 2;

    private static readonly string[] Formats = { "text", "json" };

    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        try
        {
            return Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
        }
        catch (Exception ex)
        {
            // Never a stack trace: say what failed and exit 2 as §4 requires for internal failures.
            Console.Error.WriteLine($"soul-lint: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitUsage;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to lint (default: the current folder). Links are resolved against the whole corpus root.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output." };
        var rule = new Option<string[]>("--rule") { Description = "Set a rule's severity: NAME=off|info|warning|error (by ID or name; repeatable).", AllowMultipleArgumentsPerToken = false };
        var maxWarnings = new Option<int?>("--max-warnings") { Description = "Exit 1 when there are more than N warnings." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Report errors only." };
        var noColor = new Option<bool>("--no-color") { Description = "Never use colours." };
        var noGitIgnore = new Option<bool>("--no-gitignore") { Description = "Also lint paths that .gitignore files exclude." };
        var today = new Option<string?>("--today") { Description = "The date to judge future dates by (YYYY-MM-DD); default: today (UTC)." };

        var root = new RootCommand("soul-lint: lint SOUL Atlas occupation records and sources.\n\nExamples:\n  soul-lint                      lint the corpus in the current folder\n  soul-lint api/souls --format json\n  soul-lint records/diplomat.json --rule thin-section=off\n  soul-lint compute records/diplomat.json")
        {
            paths, format, output, rule, maxWarnings, quiet, noColor, noGitIgnore, today,
        };

        var rulesCommand = new Command("rules", "List every rule with its ID, default and effective severity, and whether --fix can repair it.") { rule };
        var explainTarget = new Argument<string>("rule") { Description = "A rule ID (SOUL300) or name (related-exists)." };
        var explainCommand = new Command("explain", "Explain a rule: what it checks, why, and how to satisfy it.") { explainTarget };
        var computePath = new Argument<string[]>("paths") { Description = "Records to recompute (links are resolved against the corpus root).", Arity = ArgumentArity.OneOrMore };
        var computeCommand = new Command("compute", "Print the recomputed computed block(s) and section ids and word counts as JSON.") { computePath, today, noGitIgnore };
        root.Subcommands.Add(rulesCommand);
        root.Subcommands.Add(explainCommand);
        root.Subcommands.Add(computeCommand);

        root.SetAction(Execute);
        rulesCommand.SetAction(Execute);
        explainCommand.SetAction(Execute);
        computeCommand.SetAction(Execute);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine("soul-lint: " + error.Message);
            }

            stderr.WriteLine("Run 'soul-lint --help' for usage.");
            return ExitUsage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });

        int Execute(ParseResult parse)
        {
        var command = parse.CommandResult.Command;
        try
        {
            var severities = ParseSeverities(parse.GetValue(rule) ?? Array.Empty<string>());
            if (command == rulesCommand)
            {
                return PrintRules(stdout, severities);
            }

            if (command == explainCommand)
            {
                return Explain(stdout, stderr, parse.GetValue(explainTarget)!);
            }

            var settings = new LintSettings { Severities = severities, Today = ParseToday(parse.GetValue(today)), UseGitIgnore = !parse.GetValue(noGitIgnore) };
            if (command == computeCommand)
            {
                var computed = new Linter(settings).Lint(parse.GetValue(computePath)!, workingDirectory);
                if (computed.Computed.Count == 0)
                {
                    stderr.WriteLine("soul-lint: no occupation found at the given path");
                    return ExitUsage;
                }

                stdout.Write(ComputedFormatter.Format(computed.Computed));
                return ExitClean;
            }

            var result = new Linter(settings).Lint(parse.GetValue(paths) ?? Array.Empty<string>(), workingDirectory);
            if (parse.GetValue(quiet))
            {
                result = new LintResult(result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList(), result.Files, result.Occupations, result.ElapsedMs, result.Computed);
            }

            var report = parse.GetValue(format) == "json" ? JsonFormatter.Format(result, Version) : TextFormatter.Format(result);
            var outputFile = parse.GetValue(output);
            if (outputFile is null)
            {
                stdout.Write(report);
            }
            else
            {
                File.WriteAllText(Path.Combine(workingDirectory, outputFile), report, new UTF8Encoding(false));
            }

            var errors = result.Count(Severity.Error);
            var warnings = result.Count(Severity.Warning);
            var limit = parse.GetValue(maxWarnings);
            if (errors > 0)
            {
                return ExitLintErrors;
            }

            if (limit is int max && warnings > max)
            {
                stderr.WriteLine($"soul-lint: {warnings} warnings exceed --max-warnings {max}");
                return ExitLintErrors;
            }

            return ExitClean;
        }
        catch (LintUsageException ex)
        {
            stderr.WriteLine("soul-lint: " + ex.Message);
            return ExitUsage;
        }
        }
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

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
            var rule = RuleCatalogue.Find(name) ?? throw new LintUsageException($"--rule {setting}: unknown rule {name} (see 'soul-lint rules')");
            if (!SeverityNames.TryParse(setting[(eq + 1)..], out var severity))
            {
                throw new LintUsageException($"--rule {setting}: unknown severity {setting[(eq + 1)..]}; use off, info, warning or error");
            }

            result[rule.Id] = severity;
        }

        return result;
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

    private static int PrintRules(TextWriter stdout, Dictionary<string, Severity> severities)
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

            stdout.WriteLine(sb.Append(cells[^1]).ToString());
        }

        Write(header);
        rows.ForEach(Write);
        return ExitClean;
    }

    private static int Explain(TextWriter stdout, TextWriter stderr, string idOrName)
    {
        var rule = RuleCatalogue.Find(idOrName);
        if (rule is null)
        {
            stderr.WriteLine($"soul-lint: unknown rule {idOrName} (see 'soul-lint rules')");
            return ExitUsage;
        }

        stdout.WriteLine($"{rule.Id} {rule.Name}");
        stdout.WriteLine($"Default severity: {rule.DefaultSeverity.ToName()}");
        stdout.WriteLine($"Applies to: {(rule.Scope == RuleScope.All ? "records and sources" : rule.Scope == RuleScope.Records ? "records" : "sources")}");
        stdout.WriteLine($"Fixable: {(rule.Fixable ? "yes" : "no")}");
        stdout.WriteLine();
        stdout.WriteLine(rule.Description);
        stdout.WriteLine();
        stdout.WriteLine(rule.Details);
        return ExitClean;
    }
}
