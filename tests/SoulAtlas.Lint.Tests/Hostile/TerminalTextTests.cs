using System;
using System.Linq;
using CsCheck;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Formatting;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Hostile;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("river-warden", "river-warden")]
    [InlineData("evil\u001b]0;pwned\u0007slug", "evil\\e]0;pwned\\u0007slug")]
    [InlineData("a\u001b[2Jb", "a\\e[2Jb")]
    [InlineData("csi\u009b31m", "csi\\u009b31m")]
    [InlineData("line\nbreak\rreturn\ttab", "line\\nbreak\\rreturn\\ttab")]
    [InlineData("rtl\u202eoverride\u2066", "rtl\\u202eoverride\\u2066")]
    [InlineData("del\u007f", "del\\u007f")]
    [InlineData("pair 😀 ü", "pair 😀 ü")]
    public void Escape_makes_every_control_visible(string content, string shown) => Assert.Equal(shown, TerminalText.Escape(content));

    [Fact]
    public void A_lone_surrogate_is_escaped() => Assert.Equal("half\\ud800", TerminalText.Escape("half\ud800"));

    [Fact]
    public void Picture_keeps_the_columns()
    {
        Assert.Equal("a\u241b[1mb \ufffd", TerminalText.Picture("a\u001b[1mb\t\u009b"));
        Assert.Equal("plain", TerminalText.Picture("plain"));
    }

    [Fact]
    public void Nothing_unsafe_survives_either_form() =>
        Gen.String[Gen.Char[(char)0, (char)0x3000], 0, 40].Sample(text =>
        {
            Assert.True(TerminalText.IsSafe(TerminalText.Escape(text)));
            var picture = TerminalText.Picture(text);
            Assert.True(TerminalText.IsSafe(picture));
            Assert.Equal(text.Length, picture.Length);
        }, iter: 5_000);

    [Fact]
    public void The_text_report_prints_no_control_character_from_content()
    {
        const string Slug = "evil\u001b]0;pwned\u0007\u001b[2J";
        var file = new SourceFile("/c/api/souls/x.json", "api/souls/\u001b[31mx.json", "{\"slug\": \"" + Slug + "\"}");
        var diagnostic = new Diagnostic(RuleCatalogue.SlugMatchesPath, Severity.Error, file.DisplayPath, 1, 10, 1, 30, Slug, $"slug \"{Slug}\" does not match the file name")
        {
            Source = file,
        };
        var result = new LintResult(new[] { diagnostic }, 1, 1, 0, Array.Empty<Computation.ComputedMetadata>());
        var text = TextFormatter.Format(result, new ReportOptions { CodeFrames = true });
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("evil\\e]0;pwned\\u0007", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_content_cannot_forge_a_line_of_the_msbuild_or_github_report()
    {
        const string Title = "Deck\n/etc/x.cs(1,1): error CS0001: forged\r\n::error file=x::forged\u001b[2J";
        var file = new SourceFile("/c/souls/a\nb/metadata.yaml", "souls/a\nb/metadata.yaml", "title: x\n");
        var diagnostics = new[] { Severity.Error, Severity.Warning, Severity.Info }.Select(severity =>
            new Diagnostic(RuleCatalogue.TitleMatches, severity, file.DisplayPath, 1, 8, 1, 9, "a", $"title \"{Title}\" does not match") { Source = file }).ToList();
        var result = new LintResult(diagnostics, 1, 1, 0, Array.Empty<Computation.ComputedMetadata>());
        foreach (var report in new[] { MsBuildFormatter.Format(result), GitHubFormatter.Format(result) })
        {
            var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.DoesNotContain('\r', report);
            Assert.DoesNotContain('\u001b', report);
            Assert.All(lines, line => Assert.Contains("forged", line, StringComparison.Ordinal));
        }
    }
}
