using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>Severities are configured the .NET way: dotnet_diagnostic.&lt;ID&gt;.severity in a global config.</summary>
public sealed class SeverityTests
{
    private static readonly DateTime Today = new(2026, 11, 24);

    [Fact]
    public async Task A_global_config_turns_a_rule_off()
    {
        var folder = Fixture("related-exists", "invalid");
        var cli = AnalyzerHarness.CliDiagnostics(folder);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.RelatedExists);

        var test = AnalyzerHarness.Test(folder, "dotnet_diagnostic.SOUL300.severity = none\n");
        test.ExpectedDiagnostics.AddRange(cli.Where(d => d.Rule != RuleCatalogue.RelatedExists).Select(AnalyzerHarness.Expected));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_global_config_raises_a_warning_to_an_error()
    {
        var folder = Fixture("related-duplicate", "invalid");
        var cli = AnalyzerHarness.CliDiagnostics(folder);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.RelatedDuplicate && d.Severity == Severity.Warning);

        var test = AnalyzerHarness.Test(folder, "dotnet_diagnostic.SOUL302.severity = error\n");
        test.ExpectedDiagnostics.AddRange(cli.Select(d => d.Rule == RuleCatalogue.RelatedDuplicate
            ? AnalyzerHarness.Expected(d).WithSeverity(DiagnosticSeverity.Error)
            : AnalyzerHarness.Expected(d)));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_global_config_turns_on_a_rule_that_is_off_by_default()
    {
        var folder = Fixture("orphan", "invalid");
        Assert.Equal(Severity.Off, RuleCatalogue.Orphan.DefaultSeverity);
        Assert.DoesNotContain(AnalyzerHarness.CliDiagnostics(folder), d => d.Rule == RuleCatalogue.Orphan);
        var on = AnalyzerHarness.CliDiagnostics(folder, new LintSettings { Today = Today, Severities = new Dictionary<string, Severity> { ["SOUL305"] = Severity.Warning } });
        Assert.Contains(on, d => d.Rule == RuleCatalogue.Orphan);

        var test = AnalyzerHarness.Test(folder, "dotnet_diagnostic.SOUL305.severity = warning\n");
        test.ExpectedDiagnostics.AddRange(on.Select(AnalyzerHarness.Expected));
        await test.RunAsync();

        // Without the global config the rule stays off.
        var plain = AnalyzerHarness.Test(folder);
        plain.ExpectedDiagnostics.AddRange(AnalyzerHarness.CliDiagnostics(folder).Select(AnalyzerHarness.Expected));
        await plain.RunAsync();
    }

    /// <summary>
    /// A category setting (dotnet_analyzer_diagnostic.category-….severity) is applied per syntax
    /// tree, so it does not reach diagnostics in additional files either: set rules by ID.
    /// </summary>
    [Fact]
    public async Task A_category_setting_in_a_global_config_does_not_reach_diagnostics_in_additional_files()
    {
        var folder = Fixture("related-duplicate", "invalid");
        var cli = AnalyzerHarness.CliDiagnostics(folder);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.RelatedDuplicate);
        Assert.Equal("SoulAtlas.Links", SoulLintDescriptors.Category(RuleCatalogue.RelatedDuplicate));

        var test = AnalyzerHarness.Test(folder, "dotnet_analyzer_diagnostic.category-SoulAtlas.Links.severity = error\n");
        test.ExpectedDiagnostics.AddRange(cli.Select(AnalyzerHarness.Expected));
        await test.RunAsync();
    }

    /// <summary>
    /// roslyn#55921: a section of a (non-global) .editorconfig is matched against source files
    /// only; a diagnostic in an additional file keeps its severity, whatever the section says.
    /// This test pins that, so the README's advice (use a .globalconfig) is noticed if it changes.
    /// </summary>
    [Fact]
    public async Task An_editorconfig_section_does_not_reach_diagnostics_in_additional_files()
    {
        var folder = Fixture("related-exists", "invalid");
        var cli = AnalyzerHarness.CliDiagnostics(folder);
        Assert.Contains(cli, d => d.Rule == RuleCatalogue.RelatedExists);

        var test = AnalyzerHarness.Test(folder);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.SOUL300.severity = none\n\n[*.json]\ndotnet_diagnostic.SOUL300.severity = none\n"));
        test.ExpectedDiagnostics.AddRange(cli.Select(AnalyzerHarness.Expected));
        await test.RunAsync();
    }

    private static string Fixture(string rule, string name) => Path.Combine(TestPaths.RuleFixtures, rule, name);
}
