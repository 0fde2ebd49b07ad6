using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>Where the repository and its fixtures are.</summary>
internal static class TestPaths
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static string Fixtures => Path.Combine(RepositoryRoot, "fixtures");

    public static string RuleFixtures => Path.Combine(Fixtures, "rules");

    /// <summary>Every fixtures/rules/&lt;rule&gt;/&lt;case&gt;/ mini-corpus.</summary>
    public static TheoryData<string, string> RuleCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var ruleDir in Directory.GetDirectories(RuleFixtures).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var caseDir in Directory.GetDirectories(ruleDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(ruleDir), Path.GetFileName(caseDir));
            }
        }

        return data;
    }

    /// <summary>The content files of a folder as the package's props would add them: souls/ and mirrored/ folders, and JSON outside bin/obj.</summary>
    public static IEnumerable<string> ContentFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) is "SOUL.md" or "metadata.yaml" or "soul-lint.json" || p.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "SoulAtlas.Lint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
