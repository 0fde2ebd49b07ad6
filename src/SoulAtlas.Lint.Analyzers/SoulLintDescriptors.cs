using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Analyzers;

/// <summary>
/// Roslyn's view of the rule catalogue: one descriptor per rule, generated from it, so an ID, a
/// title, a default severity or a help link cannot drift from what the CLI, SARIF and the docs say.
/// </summary>
public static class SoulLintDescriptors
{
    /// <summary>Where each rule's page is published (docs/rules/&lt;name&gt;.md in the repository).</summary>
    public const string HelpLinkBase = "https://github.com/soul-atlas/soul-lint/blob/main/docs/rules/";

    /// <summary>The severity a rule that is off by default takes when a .globalconfig turns it on without naming one.</summary>
    public const DiagnosticSeverity OffRuleSeverity = DiagnosticSeverity.Warning;

    /// <summary>soul-lint.json (or a contract file it names) cannot be used: nothing is linted until it is fixed.</summary>
    public static readonly DiagnosticDescriptor ConfigProblem = new(
        "SOUL000",
        "soul-lint.json cannot be used",
        "{0}",
        "SoulAtlas.Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The analyzer reads the project's soul-lint.json as the CLI does; while it is broken, no content is linted.",
        helpLinkUri: "https://github.com/soul-atlas/soul-lint/blob/main/docs/analyzer.md#configuration");

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ByIdMap = Build(enabledTwins: false);

    /// <summary>The same descriptors, all enabled by default: for a rule that is off in the catalogue but on in soul-lint.json.</summary>
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> EnabledTwins = Build(enabledTwins: true);

    /// <summary>Every rule's descriptor (ordered by ID) and <see cref="ConfigProblem"/>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = CreateAll();

    /// <summary>The descriptor of a catalogue rule.</summary>
    public static DiagnosticDescriptor For(RuleDescriptor rule) => ByIdMap[rule.Id];

    /// <summary>The descriptor to report a finding of <paramref name="rule"/> with, when the configuration has it on.</summary>
    internal static DiagnosticDescriptor Enabled(RuleDescriptor rule) => EnabledTwins[rule.Id];

    public static string HelpLink(RuleDescriptor rule) => HelpLinkBase + rule.Name + ".md";

    /// <summary>The rule's family, as the ID's hundreds group the catalogue.</summary>
    public static string Category(RuleDescriptor rule) => rule.Id.Length > 4 ? rule.Id[4] switch
    {
        '0' => "SoulAtlas.Structure",
        '1' => "SoulAtlas.Schema",
        '2' => "SoulAtlas.Identity",
        '3' => "SoulAtlas.Links",
        '4' => "SoulAtlas.Sections",
        '5' => "SoulAtlas.Computed",
        '6' => "SoulAtlas.Editorial",
        '7' => "SoulAtlas.Content",
        _ => "SoulAtlas",
    }
    : "SoulAtlas";

    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => OffRuleSeverity,
    };

    private static ImmutableArray<DiagnosticDescriptor> CreateAll()
    {
        var all = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(RuleCatalogue.All.Count + 1);
        all.Add(ConfigProblem);
        foreach (var rule in RuleCatalogue.All)
        {
            all.Add(ByIdMap[rule.Id]);
        }

        return all.MoveToImmutable();
    }

    private static ImmutableDictionary<string, DiagnosticDescriptor> Build(bool enabledTwins)
    {
        var map = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalogue.All)
        {
            var tags = new List<string> { rule.Name, rule.Scope == RuleScope.Records ? "records" : rule.Scope == RuleScope.Sources ? "sources" : "content" };
            if (rule.Fixable)
            {
                tags.Add("fixable");
            }

            // The message is the engine's, whole: it names the value and what was expected.
            map.Add(rule.Id, new DiagnosticDescriptor(
                rule.Id,
                rule.Description,
                "{0}",
                Category(rule),
                ToRoslyn(rule.DefaultSeverity),
                isEnabledByDefault: enabledTwins || rule.DefaultSeverity != Severity.Off,
                description: rule.Details,
                helpLinkUri: HelpLink(rule),
                customTags: tags.ToArray()));
        }

        return map.ToImmutable();
    }
}
