using System.Collections.Generic;
using System.IO;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Colours and code frames appear on a terminal only, and never with NO_COLOR or --no-color.</summary>
public sealed class TerminalTests
{
    private const string Escape = "\u001b[";

    private static string Corpus => Path.Combine(TestPaths.Fixtures, "formats");

    [Fact]
    public void A_terminal_gets_colours_and_a_code_frame_with_a_caret()
    {
        var (_, stdout, _) = CliHarness.Run(Corpus, terminal: true, null, "--today", "2026-11-24");
        Assert.Contains(Escape + "31merror", stdout, System.StringComparison.Ordinal);
        Assert.Contains("    15 | ", stdout, System.StringComparison.Ordinal);
        Assert.Contains("  - { slug: 'bridge-keepr', type: 'adjacent' }", stdout, System.StringComparison.Ordinal);
        Assert.Contains("^~~~~~~~~~~~~~", stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_terminal_there_are_no_escape_codes_and_no_frames()
    {
        var (_, stdout, stderr) = CliHarness.Run(Corpus, terminal: false, null, "--today", "2026-11-24");
        Assert.DoesNotContain(Escape, stdout, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" | ", stdout, System.StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void No_color_keeps_the_frame_but_drops_the_colours()
    {
        var viaVariable = CliHarness.Run(Corpus, terminal: true, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "--today", "2026-11-24").Stdout;
        var viaFlag = CliHarness.Run(Corpus, terminal: true, null, "--no-color", "--today", "2026-11-24").Stdout;
        foreach (var stdout in new[] { viaVariable, viaFlag })
        {
            Assert.DoesNotContain(Escape, stdout, System.StringComparison.Ordinal);
            Assert.Contains("    15 | ", stdout, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nothing_reaches_stderr_in_ci_even_on_a_terminal()
    {
        var (_, _, stderr) = CliHarness.Run(TestPaths.Fixtures, terminal: true, errorTerminal: true, new Dictionary<string, string> { ["CI"] = "true" }, "--today", "2026-11-24");
        Assert.Equal(string.Empty, stderr);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("explain")]
    [InlineData("compute")]
    public void Every_command_has_help_with_examples(string command)
    {
        var (exit, stdout, _) = CliHarness.Run(TestPaths.RepositoryRoot, command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", stdout, System.StringComparison.Ordinal);
        Assert.Contains("soul-lint " + command, stdout, System.StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void A_frame_on_a_minified_record_shows_a_window_around_the_column()
    {
        var (_, stdout, _) = CliHarness.Run(TestPaths.RecordsSample, terminal: true, null, "bank-teller.json", "--no-color", "--today", "2026-11-24");
        foreach (var line in stdout.Split('\n'))
        {
            Assert.True(line.Length < 260, $"a {line.Length}-character line was printed");
        }

        Assert.Contains("    1 | …", stdout, System.StringComparison.Ordinal);
    }
}
