using System;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Formatting;

/// <summary>Human-readable report: diagnostics grouped by file, one line each, then a summary.</summary>
public static class TextFormatter
{
    public static string Format(LintResult result)
    {
        var sb = new StringBuilder();
        foreach (var group in result.Diagnostics.GroupBy(d => d.File))
        {
            sb.Append(group.Key).Append('\n');
            var width = group.Max(d => $"{d.Line}:{d.Column}".Length);
            var severityWidth = group.Max(d => d.Severity.ToName().Length);
            foreach (var d in group)
            {
                sb.Append("  ")
                    .Append($"{d.Line}:{d.Column}".PadRight(width))
                    .Append("  ")
                    .Append(d.Severity.ToName().PadRight(severityWidth))
                    .Append("  ")
                    .Append(d.Message)
                    .Append("  ")
                    .Append(d.Rule.Name)
                    .Append('\n');
            }

            sb.Append('\n');
        }

        var errors = result.Count(Severity.Error);
        var warnings = result.Count(Severity.Warning);
        var infos = result.Count(Severity.Info);
        var problems = errors + warnings + infos;
        if (problems == 0)
        {
            sb.Append($"✓ {result.Occupations} {Plural(result.Occupations, "occupation")} checked, no problems\n");
        }
        else
        {
            var fixable = result.Diagnostics.Count(d => d.Fixable);
            sb.Append($"✖ {problems} {Plural(problems, "problem")} ({errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {infos} {Plural(infos, "info")}) in {result.Occupations} {Plural(result.Occupations, "occupation")}");
            if (fixable > 0)
            {
                sb.Append($"; {fixable} potentially fixable");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
