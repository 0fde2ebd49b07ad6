using SoulAtlas.Lint.Computation;
using Xunit;

namespace SoulAtlas.Lint.Tests;

public sealed class ComputationTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("risk-based", 2)]
    [InlineData("the officer's call", 3)]
    [InlineData("the officer’s call", 3)]
    [InlineData("café au lait", 3)]
    [InlineData("**bold** _under_ # heading > quote | pipe", 5)]
    [InlineData("before\n```bash\nrm -rf /tmp/x\n```\nafter", 2)]
    [InlineData("use `git log --oneline` daily", 2)]
    [InlineData("<abbr title=\"under keel clearance\">UKC</abbr> matters", 2)]
    [InlineData("'quoted' 2026-06-26 v1.0", 6)]
    [InlineData("--- *** ___", 0)]
    public void Word_count_follows_the_site_rules(string markdown, int expected) =>
        Assert.Equal(expected, WordCounter.Count(markdown));

    [Theory]
    [InlineData("Purpose", "purpose")]
    [InlineData("Questions Experts Constantly Ask", "questions-experts-constantly-ask")]
    [InlineData("Anti-patterns", "anti-patterns")]
    [InlineData("WHAT CHANGED v1.0 → v2.0", "what-changed-v10--v20")]
    [InlineData("`IDENTITY.md`", "identitymd")]
    [InlineData("Boundaries & Limits", "boundaries--limits")]
    [InlineData("**Core** _Values_", "core-values")]
    [InlineData("Samurai (Bushidō)", "samurai-bushidō")]
    [InlineData("Snake_case stays", "snake_case-stays")]
    [InlineData("Emoji 🚀 removed", "emoji--removed")]
    public void Section_id_is_the_GitHub_heading_slug(string heading, string expected) =>
        Assert.Equal(expected, HeadingSlugger.Slug(heading));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(112, 1)]
    [InlineData(337, 1)]
    [InlineData(338, 2)]
    [InlineData(562, 2)]
    [InlineData(563, 3)]
    [InlineData(2218, 10)]
    public void Reading_time_rounds_halves_up_with_a_minimum_of_one(int words, int minutes) =>
        Assert.Equal(minutes, ComputedCalculator.ReadingTime(words));

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(0.5, 1)]
    [InlineData(-0.5, 0)]
    [InlineData(1.4999, 1)]
    public void JavaScript_rounding_is_not_bankers_rounding(double value, double expected) =>
        Assert.Equal(expected, JsMath.Round(value));

    [Theory]
    [InlineData(17, 18, 0.944)]
    [InlineData(1, 8, 0.125)]
    [InlineData(5, 8, 0.625)]
    [InlineData(2, 3, 0.667)]
    public void Completeness_rounds_to_three_decimals_half_up(int met, int required, double expected) =>
        Assert.Equal(expected, JsMath.Round(met / (double)required, 3), 9);
}
