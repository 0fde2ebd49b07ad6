using System.Text;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which GitHub turns into
/// annotations on the pull request. Property values escape <c>% \r \n : ,</c> and the message
/// escapes <c>% \r \n</c>, as the runner's command parser requires; other control characters of
/// content (an ESC would colour or rewrite the job's log) are escaped first, as for a terminal.
/// </summary>
public static class GitHubFormatter
{
    public static string Format(LintResult result)
    {
        var sb = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            var command = d.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            sb.Append("::").Append(command)
                .Append(" file=").Append(Property(TerminalText.Escape(d.File)))
                .Append(",line=").Append(d.Line)
                .Append(",col=").Append(d.Column)
                .Append(",endLine=").Append(d.EndLine)
                .Append(",endColumn=").Append(d.EndColumn)
                .Append(",title=").Append(Property($"{d.RuleId} {d.Rule.Name}"))
                .Append("::").Append(Data(TerminalText.Escape(d.Message)))
                .Append('\n');
        }

        return sb.ToString();
    }

    public static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
