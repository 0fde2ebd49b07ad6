using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// Suppression comments in the files contributors edit, after ESLint's directives:
/// <c>&lt;!-- soul-lint-disable-next-line thin-section --&gt;</c> in SOUL.md and
/// <c># soul-lint-disable-line related-exists</c> in metadata.yaml (either directive works in
/// either file). Rules are named by ID or name, separated by commas or spaces; none means all.
/// A directive that suppresses nothing, or names no rule, is itself reported.
/// </summary>
public static partial class InlineSuppressions
{
    private const string MarkdownDirectivePattern = @"<!--\s*soul-lint-(?<kind>disable-next-line|disable-line)(?<rules>[^>]*?)-->";
#if NET
    private static readonly Regex MarkdownDirective = MarkdownDirectiveRegex();

    [GeneratedRegex(MarkdownDirectivePattern, RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownDirectiveRegex();
#else
    private static readonly Regex MarkdownDirective = new(MarkdownDirectivePattern, RegexOptions.CultureInvariant);
#endif

    private const string YamlDirectivePattern = @"(?:^|\s)#\s*soul-lint-(?<kind>disable-next-line|disable-line)(?<rules>[^\r\n]*)";
#if NET
    private static readonly Regex YamlDirective = YamlDirectiveRegex();

    [GeneratedRegex(YamlDirectivePattern, RegexOptions.CultureInvariant)]
    private static partial Regex YamlDirectiveRegex();
#else
    private static readonly Regex YamlDirective = new(YamlDirectivePattern, RegexOptions.CultureInvariant);
#endif

    public static List<Diagnostic> Apply(IReadOnlyList<SourceFile> files, List<Diagnostic> diagnostics, Func<RuleDescriptor, Severity> severityOf)
    {
        var directives = new List<Directive>();
        foreach (var file in files)
        {
            var isMarkdown = file.FullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            var isYaml = file.FullPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.FullPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            if ((!isMarkdown && !isYaml) || file.Text.IndexOf("soul-lint-disable", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (Match m in (isMarkdown ? MarkdownDirective : YamlDirective).Matches(file.Text))
            {
                var start = m.Index + (m.Value.Length - m.Value.TrimStart().Length);
                var line = file.GetPosition(start).Line;
                var target = m.Groups["kind"].Value == "disable-next-line" ? line + 1 : line;
                directives.Add(new Directive(file, new SourceRange(file, start, m.Index + m.Length), target, m.Groups["rules"].Value));
            }
        }

        if (directives.Count == 0)
        {
            return diagnostics;
        }

        var kept = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            var directive = directives.FirstOrDefault(x => x.Covers(d));
            if (directive is null)
            {
                kept.Add(d);
            }
            else
            {
                directive.Used = true;
            }
        }

        var severity = severityOf(RuleCatalogue.UnusedSuppression);
        if (severity == Severity.Off)
        {
            return kept;
        }

        foreach (var directive in directives)
        {
            foreach (var unknown in directive.UnknownNames)
            {
                kept.Add(Report(directive, severity, $"suppression comment names no rule: {Quote(unknown)}"));
            }

            // A directive naming only unknown rules has been reported above; saying it is unused adds nothing.
            var onlyUnknown = directive.Names.Count > 0 && directive.UnknownNames.Count == directive.Names.Count;
            if (!directive.Used && !onlyUnknown)
            {
                var what = directive.Rules.Count == 0 ? "any rule" : string.Join(", ", directive.Rules.Select(r => r.Name));
                kept.Add(Report(directive, severity, $"suppression comment for {what} suppresses nothing on line {directive.TargetLine}; remove it"));
            }
        }

        return kept;
    }

    private static Diagnostic Report(Directive directive, Severity severity, string message)
    {
        return Diagnostic.At(RuleCatalogue.UnusedSuppression, severity, directive.Range, null, message);
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private sealed class Directive
    {
        public Directive(SourceFile file, SourceRange range, int targetLine, string ruleList)
        {
            File = file;
            Range = range;
            TargetLine = targetLine;
            Names = ruleList.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
                .Where(n => n != "--")
                .ToList();
            var rules = new List<RuleDescriptor>();
            var unknown = new List<string>();
            foreach (var name in Names)
            {
                if (RuleCatalogue.Find(name) is { } rule)
                {
                    rules.Add(rule);
                }
                else
                {
                    unknown.Add(name);
                }
            }

            Rules = rules;
            UnknownNames = unknown;
        }

        public SourceFile File { get; }

        public SourceRange Range { get; }

        public int TargetLine { get; }

        public IReadOnlyList<string> Names { get; }

        public IReadOnlyList<RuleDescriptor> Rules { get; }

        public IReadOnlyList<string> UnknownNames { get; }

        public bool Used { get; set; }

        public bool Covers(Diagnostic d) =>
            d.Line == TargetLine
            && string.Equals(d.FullPath, File.FullPath, StringComparison.Ordinal)
            && d.Rule != RuleCatalogue.UnusedSuppression
            && (Names.Count == 0 || Rules.Contains(d.Rule));
    }
}
