using System.Text.RegularExpressions;
using CsCheck;
using SoulAtlas.Lint.Computation;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The hand-written word counter against the site's regular expressions, on text rich in backticks, brackets and separators.</summary>
public sealed class WordCounterOracleTests
{
    private static int Oracle(string markdown)
    {
        var text = Regex.Replace(markdown, "```[\\s\\S]*?```", " ");
        text = Regex.Replace(text, "`[^`]*`", " ");
        text = Regex.Replace(text, "<[^>]+>", " ");
        text = Regex.Replace(text, "[#>*_\\-|]", " ");
        return Regex.Matches(text, "[A-Za-z0-9][A-Za-z0-9'’-]*").Count;
    }

    [Fact]
    public void Matches_the_regular_expressions_on_random_markdown() =>
        Gen.Char["`<>ab1 -'’\n#*_|é"].Array[0, 60].Select(chars => new string(chars))
            .Sample(text => Assert.Equal(Oracle(text), WordCounter.Count(text)), iter: 20_000);

    [Theory]
    [InlineData("````")]
    [InlineData("``````x")]
    [InlineData("a <> b <c> d")]
    [InlineData("x <a <b> y")]
    [InlineData("`a ```b``` c`")]
    [InlineData("```\ncode\n``` and `inline` and <b>bold</b> but `unclosed")]
    public void Matches_the_regular_expressions_on_edge_cases(string text) =>
        Assert.Equal(Oracle(text), WordCounter.Count(text));
}
