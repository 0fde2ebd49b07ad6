using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Tests;

/// <summary>The built executable against the engine, fixture by fixture (a class of its own, so it runs beside the other process tests).</summary>
public sealed class CliFixtureAgreementTests
{
    /// <summary>
    /// The executable reports on every rule fixture exactly what the engine reports in process: the
    /// same rules, places and messages. A native build that trimmed away something a library
    /// reaches by reflection fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleFixtureTests.Cases), MemberType = typeof(RuleFixtureTests))]
    public void The_executable_agrees_with_the_engine_on_every_rule_fixture(string ruleName, string caseName)
    {
        var folder = Path.Combine(TestPaths.Fixtures, "rules", ruleName, caseName);
        var (exit, stdout, stderr) = CliProcessTests.Run(folder, ".", "--format", "json", "--today", "2026-11-24");
        Assert.True(exit is 0 or 1, stderr);
        var reported = JObject.Parse(stdout)["diagnostics"]!
            .Select(d => $"{d["file"]}:{d["line"]}:{d["column"]} {d["ruleId"]} {d["message"]}")
            .ToList();

        var engine = Lint.Run(new Configuration.LintSettings { Today = Lint.Today }, folder).Diagnostics
            .Select(d => $"{d.File}:{d.Line}:{d.Column} {d.Rule.Id} {d.Message}")
            .ToList();
        Assert.Equal(engine, reported);
    }
}
