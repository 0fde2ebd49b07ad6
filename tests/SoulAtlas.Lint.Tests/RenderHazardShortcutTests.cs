using System.Linq;
using CsCheck;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules.Content;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>render-hazard skips blocks whose syntax tree shows they cannot hold a hazard; it must find exactly what reading every block finds.</summary>
public sealed class RenderHazardShortcutTests
{
    private static readonly string[] Pieces =
    {
        "*", "**", "_", "__", "~", "~~", "a", "O", "word", " ", "\n", "\n\n", "- ", "| a | b |\n|---|---|\n", "`", "[", "](x)",
        "<b>", "&amp;", "\\", "\\*", "> ", "1", "é", "https://x.example/a_b", "# ",
    };

    [Fact]
    public void Finds_what_reading_every_block_finds() =>
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 24].Select(string.Concat)
            .Sample(markdown =>
            {
                var syntax = BodyMarkdown.Parse(markdown);
                var everyBlock = RenderHazardRule.Find(markdown, () => syntax, skipPlainBlocks: false);
                var shortcut = RenderHazardRule.Find(markdown, () => syntax, skipPlainBlocks: true);
                Assert.Equal(everyBlock, shortcut);
            }, iter: 20_000);

    [Theory]
    [InlineData("O*NET and G*Power", 1)]
    [InlineData("**bold* text", 1)]
    [InlineData("about ~20–40°C (~40–55°C)", 1)]
    [InlineData("**bold** and *italic* and ~~struck~~", 0)]
    public void Reads_the_hazards_of_a_section(string markdown, int expected) =>
        Assert.Equal(expected, RenderHazardRule.Find(markdown, () => BodyMarkdown.Parse(markdown), skipPlainBlocks: true).Count);
}
