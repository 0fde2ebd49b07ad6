using System;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// The human report, after ESLint's "stylish": diagnostics grouped by file as
/// <c>line:col  severity  message  rule-name</c>, an optional code frame with a caret, and a summary.
/// Colour is applied only when asked (the CLI asks on a terminal without NO_COLOR).
/// </summary>
public static class TextFormatter
{
    private const int FrameWidth = 100;

    public static string Format(LintResult result) => Format(result, new ReportOptions());

    public static string Format(LintResult result, ReportOptions options)
    {
        var paint = new Paint(options.Color);
        var sb = new StringBuilder();
        foreach (var group in result.Diagnostics.GroupBy(d => d.File))
        {
            sb.Append(paint.Underline(Text.TerminalText.Escape(group.Key))).Append('\n');
            var width = group.Max(d => $"{d.Line}:{d.Column}".Length);
            var severityWidth = group.Max(d => d.Severity.ToName().Length);
            foreach (var d in group)
            {
                sb.Append("  ")
                    .Append(paint.Dim($"{d.Line}:{d.Column}".PadRight(width)))
                    .Append("  ")
                    .Append(paint.Severity(d.Severity, d.Severity.ToName().PadRight(severityWidth)))
                    .Append("  ")
                    .Append(Text.TerminalText.Escape(d.Message))
                    .Append("  ")
                    .Append(paint.Dim(d.Rule.Name))
                    .Append('\n');
                if (options.CodeFrames)
                {
                    AppendFrame(sb, d, paint);
                }

                foreach (var suggestion in d.Suggestions ?? Array.Empty<Suggestion>())
                {
                    sb.Append("    ").Append(paint.Dim("suggestion:")).Append(' ').Append(Text.TerminalText.Escape(suggestion.Title)).Append('\n');
                }
            }

            sb.Append('\n');
        }

        AppendSummary(sb, result, paint, options);
        return sb.ToString();
    }

    /// <summary>The offending line, cut to a window around the column when it is long (a minified record is one 40 KB line).</summary>
    private static void AppendFrame(StringBuilder sb, Diagnostic d, Paint paint)
    {
        var line = d.Source?.GetLineText(d.Line);
        if (line is null)
        {
            return;
        }

        var column = Math.Min(Math.Max(d.Column - 1, 0), line.Length);
        var start = 0;
        var end = line.Length;
        if (line.Length > FrameWidth)
        {
            start = Math.Max(0, column - (FrameWidth / 3));
            end = Math.Min(line.Length, start + FrameWidth);
        }

        var prefix = start > 0 ? "…" : string.Empty;
        var suffix = end < line.Length ? "…" : string.Empty;
        var shown = prefix + Text.TerminalText.Picture(line.Substring(start, end - start)) + suffix;
        var gutter = $"    {d.Line} | ";
        sb.Append(paint.Dim(gutter)).Append(shown).Append('\n');

        var caretStart = column - start + prefix.Length;
        var caretLength = d.EndLine == d.Line ? Math.Max(1, Math.Min(d.EndColumn - d.Column, end - column)) : 1;
        sb.Append(paint.Dim(new string(' ', gutter.Length - 2) + "| "))
            .Append(new string(' ', caretStart))
            .Append(paint.Severity(d.Severity, "^" + new string('~', caretLength - 1)))
            .Append('\n');
    }

    private static void AppendSummary(StringBuilder sb, LintResult result, Paint paint, ReportOptions options)
    {
        var errors = result.Count(Severity.Error);
        var warnings = result.Count(Severity.Warning);
        var infos = result.Count(Severity.Info);
        var problems = errors + warnings + infos;
        if (problems == 0)
        {
            sb.Append(paint.Green($"✓ {result.Occupations} {Plural(result.Occupations, "occupation")} checked, no problems"));
        }
        else
        {
            var summary = $"✖ {problems} {Plural(problems, "problem")} ({errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {infos} {Plural(infos, "info")}) in {result.Occupations} {Plural(result.Occupations, "occupation")}";
            var fixable = result.Diagnostics.Count(d => d.Fixable);
            if (fixable > 0)
            {
                summary += $"; {fixable} potentially fixable with --fix";
            }

            sb.Append(errors > 0 ? paint.Red(summary) : paint.Yellow(summary));
        }

        if (options.Fixed > 0)
        {
            sb.Append($"; {options.Fixed} fixed");
        }

        sb.Append('\n');
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    /// <summary>ANSI SGR sequences, or nothing when colour is off.</summary>
    private readonly struct Paint
    {
        private readonly bool _on;

        public Paint(bool on)
        {
            _on = on;
        }

        public string Red(string s) => Wrap("31", s);

        public string Yellow(string s) => Wrap("33", s);

        public string Green(string s) => Wrap("32", s);

        public string Dim(string s) => Wrap("2", s);

        public string Underline(string s) => Wrap("4", s);

        public string Severity(Severity severity, string s) => severity switch
        {
            Diagnostics.Severity.Error => Red(s),
            Diagnostics.Severity.Warning => Yellow(s),
            _ => Wrap("36", s),
        };

        private string Wrap(string code, string s) => _on ? $"\u001b[{code}m{s}\u001b[0m" : s;
    }
}
