using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace SoulAtlas.Lint.Analyzers.Tests;

/// <summary>
/// The real content beside the checkout (../shared/corpus: the 654-occupation authored corpus and
/// a sample of published records), handed to the analyzer as additional files, gets exactly what
/// the CLI reports on it. Skipped, with the reason, where that folder is absent.
/// </summary>
public sealed class RealCorpusTests
{
    private static string SharedCorpus => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus"));

    [SharedCorpusTheory]
    [InlineData("soul-atlas")]
    [InlineData("records-sample")]
    public async Task The_analyzer_reports_what_the_CLI_reports_on_real_content(string name)
    {
        var folder = Path.Combine(SharedCorpus, name);
        var expected = AnalyzerHarness.CliDiagnostics(folder)
            .Select(d => $"{d.Rule.Id} {d.Severity} {d.FullPath} [{d.Start}..{d.Start + d.Length}) {d.Message}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var actual = (await AnalyzerHarness.RunAsync(folder))
            .Select(d => $"{d.Id} {Severity(d.Severity)} {d.Location.GetLineSpan().Path} [{d.Location.SourceSpan.Start}..{d.Location.SourceSpan.End}) {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
    }

    private static string Severity(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "Error",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "Warning",
        _ => "Info",
    };

    private sealed class SharedCorpusTheoryAttribute : TheoryAttribute
    {
        public SharedCorpusTheoryAttribute()
        {
            if (!Directory.Exists(SharedCorpus))
            {
                Skip = "the real corpora (../shared/corpus) are not beside this checkout";
            }
        }
    }
}
