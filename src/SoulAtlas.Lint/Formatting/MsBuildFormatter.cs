using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// The canonical MSBuild/VS error format, <c>file(line,col,endLine,endCol): error SOUL300: message</c>,
/// which IDEs and CI log parsers recognise. The format knows only errors and warnings: an info
/// diagnostic is written as a plain line (<c>info: file(line,col): SOUL305: message</c>) that no
/// parser mistakes for either. Paths and messages come from content: their control characters are
/// escaped, so a line break in a title cannot start a forged error line of its own.
/// </summary>
public static class MsBuildFormatter
{
    public static string Format(LintResult result)
    {
        var sb = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            if (d.Severity is not (Severity.Error or Severity.Warning))
            {
                sb.Append("info: ").Append(TerminalText.Escape(d.File)).Append('(').Append(d.Line).Append(',').Append(d.Column).Append("): ")
                    .Append(d.RuleId).Append(": ").Append(TerminalText.Escape(d.Message)).Append(" [").Append(d.Rule.Name).Append("]\n");
                continue;
            }

            var category = d.Severity == Severity.Error ? "error" : "warning";
            sb.Append(TerminalText.Escape(d.File))
                .Append('(').Append(d.Line).Append(',').Append(d.Column).Append(',').Append(d.EndLine).Append(',').Append(d.EndColumn).Append("): ")
                .Append(category).Append(' ').Append(d.RuleId).Append(": ").Append(TerminalText.Escape(d.Message))
                .Append(" [").Append(d.Rule.Name).Append(']')
                .Append('\n');
        }

        return sb.ToString();
    }
}
