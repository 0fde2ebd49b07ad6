using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Formatting;

/// <summary>The canonical MSBuild/VS error format, <c>file(line,col,endLine,endCol): error SOUL300: message</c>, which IDEs and CI log parsers recognise.</summary>
public static class MsBuildFormatter
{
    public static string Format(LintResult result)
    {
        var sb = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            var category = d.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "info",
            };
            sb.Append(d.File)
                .Append('(').Append(d.Line).Append(',').Append(d.Column).Append(',').Append(d.EndLine).Append(',').Append(d.EndColumn).Append("): ")
                .Append(category).Append(' ').Append(d.RuleId).Append(": ").Append(d.Message)
                .Append(" [").Append(d.Rule.Name).Append(']')
                .Append('\n');
        }

        return sb.ToString();
    }
}
