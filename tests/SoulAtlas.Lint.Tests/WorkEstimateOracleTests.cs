using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The work estimate that guards Markdig against quadratic input jumps from one costly character to
/// the next. It must count exactly what a plain look at every character counts (the reference below):
/// a miscount either lets a hostile paragraph through to Markdig or refuses an ordinary one.
/// </summary>
public sealed class WorkEstimateOracleTests
{
    private static readonly string[] Pieces =
    {
        "h", "w", "W", "m", "M", "f", "F", "H", "x", "ttp", "://", "1", "é", " ", "  ", "\t", "\r", "\n", "\n\n", " \n", "\t\r\n",
        "*", "**", "_", "a_b", "~", "~~", "`", "[", "]", "](", ")", "<", "!", "&", "\\", "- ", "| a |\n", "# ",
    };

    [Fact]
    public void Counts_what_a_look_at_every_character_counts() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 60].Select(string.Concat)
            .Select(Gen.Bool)
            .Sample((markdown, autoLinks) => Assert.Equal(Reference(markdown, autoLinks), BodyMarkdown.EstimateWork(markdown, autoLinks)), iter: 20_000);

    [Theory]
    [InlineData("", false)]
    [InlineData("\n\n\n", true)]
    [InlineData("[a](b\n\n[c](d", false)]
    [InlineData("  [x]: y\n\t[z]: w\n", false)]
    [InlineData("hello world http://x.y mailto:z when", true)]
    [InlineData("hello world http://x.y mailto:z when", false)]
    [InlineData("**a** _b_ a_b ~~c~~ `d` <e> !f &g; \\h\n", true)]
    public void Counts_the_examples_as_the_reference_does(string markdown, bool autoLinks) =>
        Assert.Equal(Reference(markdown, autoLinks), BodyMarkdown.EstimateWork(markdown, autoLinks));

    [Fact]
    public void Fixture_sections_are_estimated_as_the_reference_does()
    {
        var sections = Directory.EnumerateFiles(TestPaths.Fixtures, "*.json", SearchOption.AllDirectories)
            .Select(path => { try { return JToken.Parse(File.ReadAllText(path)) as JObject; } catch (Newtonsoft.Json.JsonException) { return null; } })
            .SelectMany(record => record?["sections"] as JArray ?? new JArray())
            .Select(section => (string?)(section as JObject)?["markdown"])
            .OfType<string>()
            .ToList();
        Assert.True(sections.Count >= 50, $"only {sections.Count} sections");
        foreach (var markdown in sections)
        {
            Assert.Equal(Reference(markdown, autoLinks: true), BodyMarkdown.EstimateWork(markdown, autoLinks: true));
            Assert.Equal(Reference(markdown, autoLinks: false), BodyMarkdown.EstimateWork(markdown, autoLinks: false));
        }
    }

    /// <summary>The estimate, one character at a time, as its documentation states it.</summary>
    private static (long Work, int Costliest) Reference(string markdown, bool autoLinks)
    {
        long total = 0;
        long most = -1;
        var costliest = 0;
        foreach (var (start, end) in Paragraphs(markdown))
        {
            long scanners = 0, opens = 0, closes = 0, inlines = 0, words = 0, delimiters = 0;
            var lineStart = true;
            for (var i = start; i < end; i++)
            {
                var c = markdown[i];
                if (c == '\n')
                {
                    lineStart = true;
                    continue;
                }

                var wordStart = i == start || !char.IsAsciiLetterOrDigit(markdown[i - 1]);
                if (c == '[')
                {
                    opens++;
                    inlines++;
                    scanners += lineStart ? 1 : 0;
                }
                else if (c == ']')
                {
                    closes++;
                    inlines++;
                    scanners += i + 1 < end && markdown[i + 1] == '(' ? 1 : 0;
                }
                else if (c is '*' or '~' or '_')
                {
                    inlines++;
                    delimiters += (i == start || markdown[i - 1] != c) && (c != '_' || wordStart) ? 1 : 0;
                }
                else if (c is '`' or '<' or '!' or '&' or '\\')
                {
                    inlines++;
                }
                else if (autoLinks && "hfmwHFMW".Contains(c) && wordStart)
                {
                    words++;
                    inlines++;
                }

                lineStart &= c is ' ' or '\t';
            }

            var work = (scanners * (end - start)) + (opens * closes) + (words * inlines) + (delimiters * delimiters * BodyMarkdown.DelimiterPairCost);
            total += work;
            if (work > most)
            {
                most = work;
                costliest = start;
            }
        }

        return (total, costliest);
    }

    /// <summary>Runs of lines between blank lines (only spaces, tabs and carriage returns), each with the line break that ends its last line.</summary>
    private static IEnumerable<(int Start, int End)> Paragraphs(string markdown)
    {
        var lines = new List<(int Start, int End, bool Blank)>();
        for (var start = 0; start <= markdown.Length;)
        {
            var end = markdown.IndexOf('\n', start);
            end = end < 0 ? markdown.Length : end;
            lines.Add((start, end, markdown[start..end].All(c => c is ' ' or '\t' or '\r')));
            start = end + 1;
        }

        int? from = null;
        foreach (var line in lines)
        {
            if (line.Blank && from is { } f)
            {
                yield return (f, line.Start);
                from = null;
            }
            else if (!line.Blank && from is null)
            {
                from = line.Start;
            }
        }

        if (from is { } last)
        {
            yield return (last, markdown.Length);
        }
    }
}
