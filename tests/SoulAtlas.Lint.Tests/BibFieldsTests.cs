using System;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using SoulAtlas.Lint.Rules.Computed;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The citation rule's BibTeX reading, line by line, held to the single expression it replaces (which took quadratic time on a hostile entry).</summary>
public sealed class BibFieldsTests
{
    private static readonly Regex Reference = new(
        @"^[ \t]*(?<name>\w+)[ \t]*=[ \t]*\{(?<value>.*?)\},?[ \t]*$(?=\n[ \t]*(?:\w+[ \t]*=|\})|(?![\s\S]))",
        RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Singleline);

    private static readonly Gen<string> Entries = Gen.Int[0, 9].Select(i => new[] { "title", "year", "a", " ", "\t", "=", "{", "}", ",", "\n" }[i]).Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void Fields_are_read_as_the_expression_across_lines_reads_them()
    {
        Entries.Sample(
            text =>
            {
                var expected = Reference.Matches(text).Cast<Match>()
                    .GroupBy(m => m.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value, StringComparer.OrdinalIgnoreCase);
                var actual = CitationRule.BibFields(text);
                return expected.Count == actual.Count && expected.All(p => actual.TryGetValue(p.Key, out var v) && v == p.Value);
            },
            iter: 50_000);
        Assert.Equal("A title\nover two lines", CitationRule.BibFields("@misc{x,\n  title = {A title\nover two lines},\n  year = {2026}\n}")["title"]);
    }

    [Fact]
    public void A_hostile_entry_is_read_in_linear_time()
    {
        // Thousands of field openings whose values never end: each once, not once per opening.
        var text = "@misc{x,\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"  a{i}={{v}}}}}} x\n")) + " junk";
        Assert.Empty(CitationRule.BibFields(text));
    }
}
