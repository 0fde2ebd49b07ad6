using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Rules;
using Xunit;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// fixtures/rules/&lt;rule-name&gt;/&lt;case&gt;/ is a small corpus. In an <c>invalid-*</c> case the rule
/// must report exactly the <c>file:line:column</c> locations listed in expected.txt; in a
/// <c>valid-*</c> case it must report nothing.
/// </summary>
public sealed class RuleFixtureTests
{
    private static string RulesFolder => Path.Combine(TestPaths.Fixtures, "rules");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var ruleDir in Directory.GetDirectories(RulesFolder).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var caseDir in Directory.GetDirectories(ruleDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(ruleDir), Path.GetFileName(caseDir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_reports_exactly_the_expected_locations(string ruleName, string caseName)
    {
        var rule = RuleCatalogue.Find(ruleName);
        Assert.True(rule is not null, $"fixtures/rules/{ruleName} names no rule");
        var folder = Path.Combine(RulesFolder, ruleName, caseName);

        var result = Lint.Run(folder);
        var actual = result.Diagnostics
            .Where(d => d.Rule == rule)
            .Select(d => $"{d.File}:{d.Line}:{d.Column}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        var expectedFile = Path.Combine(folder, "expected.txt");
        if (caseName.StartsWith("valid", StringComparison.Ordinal))
        {
            Assert.False(File.Exists(expectedFile), "a valid case has no expectations");
            Assert.True(actual.Count == 0, $"{ruleName} reported in a valid case:\n{Lint.Describe(result.Diagnostics.Where(d => d.Rule == rule))}");
            return;
        }

        Assert.StartsWith("invalid", caseName, StringComparison.Ordinal);
        var expected = File.ReadAllLines(expectedFile).Where(l => l.Length > 0).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.True(
            expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n{Lint.Describe(result.Diagnostics.Where(d => d.Rule == rule))}");
    }

    [Fact]
    public void Every_rule_has_a_triggering_and_a_clean_fixture()
    {
        var missing = new List<string>();
        foreach (var rule in RuleCatalogue.All)
        {
            var dir = Path.Combine(RulesFolder, rule.Name);
            var cases = Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(Path.GetFileName).ToList() : new List<string?>();
            if (!cases.Any(c => c!.StartsWith("invalid", StringComparison.Ordinal)))
            {
                missing.Add($"{rule.Name}: no invalid-* fixture");
            }

            if (!cases.Any(c => c!.StartsWith("valid", StringComparison.Ordinal)))
            {
                missing.Add($"{rule.Name}: no valid-* fixture");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_fixture_folder_names_a_rule_and_every_case_is_valid_or_invalid()
    {
        foreach (var ruleDir in Directory.GetDirectories(RulesFolder))
        {
            Assert.NotNull(RuleCatalogue.Find(Path.GetFileName(ruleDir)));
            foreach (var caseDir in Directory.GetDirectories(ruleDir))
            {
                var name = Path.GetFileName(caseDir);
                Assert.True(name.StartsWith("valid", StringComparison.Ordinal) || name.StartsWith("invalid", StringComparison.Ordinal), name);
            }
        }
    }
}
