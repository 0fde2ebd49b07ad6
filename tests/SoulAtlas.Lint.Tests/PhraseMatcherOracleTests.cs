using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using SoulAtlas.Lint.Rules.Content;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The hand-written phrase scan against a regular expression that says the same thing: whole words,
/// any letter case, a run of white space for each space, either apostrophe, any hyphen, and at each
/// place the longest listed phrase first.
/// </summary>
public sealed class PhraseMatcherOracleTests
{
    private const string WordCharacter = @"[_\p{L}\p{Nd}]";

    /// <summary>One alternative per phrase, in the order given, each captured as p0, p1, …</summary>
    private static Regex Oracle(string[] ordered)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < ordered.Length; i++)
        {
            pattern.Append(i == 0 ? string.Empty : "|").Append("(?<p").Append(i).Append('>');
            foreach (var c in ordered[i])
            {
                pattern.Append(c switch
                {
                    ' ' => @"\s+",
                    '\'' or '’' => "['’]",
                    '-' or '‐' or '‑' => "[-‐‑]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            pattern.Append(')');
        }

        return new Regex($"(?<!{WordCharacter})(?:{pattern})(?!{WordCharacter})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static (int, int, string)[] Expected(string[] phrases, string text)
    {
        var ordered = phrases.Distinct(System.StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length).ThenBy(p => p, System.StringComparer.Ordinal).ToArray();
        var regex = Oracle(ordered);
        return regex.Matches(text)
            .Select(m => (m.Index, m.Length, ordered[Enumerable.Range(0, ordered.Length).First(i => m.Groups["p" + i].Success)]))
            .ToArray();
    }

    private static readonly Gen<string> Phrase =
        Gen.String[Gen.Char["abAB'’-‑é"], 1, 4].Array[1, 3].Select(words => string.Join(" ", words))
            .Where(p => char.IsLetter(p[0]));

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abAB'’-‑‐é _\n1.—"], 0, 80];

    [Fact]
    public void Agrees_with_the_regular_expression_on_random_text() =>
        Gen.Select(Phrase.Array[1, 4], Text).Sample((phrases, text) =>
        {
            var found = PhraseMatcher.For(phrases).Matches(text).Select(m => (m.Start, m.Length, m.Phrase)).ToArray();
            Assert.Equal(Expected(phrases, text), found);
        }, iter: 20_000);

    [Theory]
    [InlineData("realm", "realm")]
    [InlineData("realm", "the realm.")]
    [InlineData("realm", "overrealm realms realm_ realm1 érealm realm")]
    [InlineData("in conclusion", "In\n\t conclusion, in  conclusionary")]
    [InlineData("it's", "it’s its it‘s it's")]
    [InlineData("ever-evolving", "ever‑evolving ever‐evolving ever—evolving")]
    public void Agrees_with_the_regular_expression_on_edge_cases(string phrase, string text) =>
        Assert.Equal(Expected(new[] { phrase }, text), PhraseMatcher.For(new[] { phrase }).Matches(text).Select(m => (m.Start, m.Length, m.Phrase)).ToArray());
}
