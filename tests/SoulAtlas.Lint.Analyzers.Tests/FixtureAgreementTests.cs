using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SoulAtlas.Lint.Diagnostics;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>
/// Every rule fixture corpus, handed to the analyzer as a project's additional files, gets
/// exactly the diagnostics the CLI reports on it: same IDs, files, spans, severities and messages.
/// </summary>
public sealed class FixtureAgreementTests
{
    public static TheoryData<string, string> Cases() => TestPaths.RuleCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzer_reports_what_the_CLI_reports(string ruleName, string caseName)
    {
        var folder = Path.Combine(TestPaths.RuleFixtures, ruleName, caseName);
        var test = AnalyzerHarness.Test(folder);
        var cli = AnalyzerHarness.CliDiagnostics(folder);
        var rule = RuleCatalogue.Find(ruleName)!;
        if (caseName.StartsWith("invalid", StringComparison.Ordinal) && rule.DefaultSeverity != Severity.Off)
        {
            Assert.Contains(cli, d => d.Rule == rule);
        }
        test.ExpectedDiagnostics.AddRange(cli.Select(AnalyzerHarness.Expected));

        await test.RunAsync();
    }
}
