using System;
using System.Linq;
using CsCheck;
using MAB.DotIgnore;
using SoulAtlas.Lint.Disk;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The per-folder .gitignore shortcut answers as the library does, for any rules and path.</summary>
public sealed class IgnoreMatchTests
{
    private static readonly string[] Patterns =
    {
        "node_modules/", "*.json", "!keep.json", "build", "/public", "a/**/b", "**/gen", "!gen/ok.json", "src/*", "!src/x",
        "*.md", "x?", "[ab]*", "docs/", "/a/b/", "!*.yaml", "a b", "c:", "#c", "\\!x", "gen/", "*", "!a/", "b/**",
    };

    private static readonly string[] Segments = { "a", "b", "x", "gen", "src", "public", "docs", "node_modules", "keep.json", "ok.json", "r.json", "s.md", "m.yaml", " ", "a b", "c:", "x1", "" };

    [Fact]
    public void Answers_as_the_library_for_random_rules_and_paths() =>
        Gen.Int[0, Patterns.Length - 1].Array[0, 6]
            .Select(Gen.Int[0, Segments.Length - 1].Array[1, 5], Gen.Bool)
            .Sample((rules, segments, isDirectory) =>
            {
                var list = new IgnoreList(rules.Select(i => Patterns[i]));
                var path = string.Join("/", segments.Select(i => Segments[i]));
                var slash = path.LastIndexOf('/');
                var folder = slash < 0 ? string.Empty : path.Substring(0, slash);
                bool expected;
                try
                {
                    expected = list.IsIgnored(path, isDirectory);
                }
                catch (System.ArgumentException)
                {
                    // The library fails on a file path of blank names; the shortcut must not.
                    IgnoreMatch.IsIgnored(list, path, isDirectory, IgnoreMatch.AnyFolderIgnored(list, folder));
                    return;
                }

                Assert.True(
                    expected == IgnoreMatch.IsIgnored(list, path, isDirectory, IgnoreMatch.AnyFolderIgnored(list, folder)),
                    $"rules {string.Join(" | ", rules.Select(i => Patterns[i]))}, path '{path}', directory {isDirectory}: the library says {expected}");
            }, iter: 20_000);

    /// <summary>The shortcut for lists of folder rules only: a file with a plain path is ignored exactly when a folder on its way is.</summary>
    [Fact]
    public void With_folder_rules_only_a_file_is_ignored_exactly_when_a_folder_on_its_way_is()
    {
        var folderRules = Patterns.Where(p => p.EndsWith('/')).ToArray();
        Gen.Int[0, folderRules.Length - 1].Array[0, 4]
            .Select(Gen.Int[0, Segments.Length - 1].Array[1, 5])
            .Sample((rules, segments) =>
            {
                var list = new IgnoreList(rules.Select(i => folderRules[i]));
                var path = string.Join("/", segments.Select(i => Segments[i]));
                if (!IgnoreMatch.IsPlain(path.AsSpan()))
                {
                    return;
                }

                Assert.True(IgnoreMatch.OnlyFolderRules(list));
                var slash = path.LastIndexOf('/');
                var folder = slash < 0 ? string.Empty : path.Substring(0, slash);
                Assert.Equal(list.IsIgnored(path, false), IgnoreMatch.AnyFolderIgnored(list, folder));
            }, iter: 20_000);
        Assert.False(IgnoreMatch.OnlyFolderRules(new IgnoreList(new[] { "node_modules/", "*.json" })));
    }

    [Theory]
    [InlineData("node_modules/", "node_modules/x/r.json", true)]
    [InlineData("gen/", "src/gen/r.json", true)]
    [InlineData("gen/\n!gen/ok.json", "gen/ok.json", true)]
    [InlineData("*.json\n!keep.json", "a/keep.json", false)]
    [InlineData("/public", "src/public/r.json", false)]
    [InlineData("/public", "public/r.json", true)]
    public void Known_cases(string rules, string path, bool ignored)
    {
        var list = new IgnoreList(rules.Split('\n'));
        var folder = path.Substring(0, path.LastIndexOf('/'));
        Assert.Equal(list.IsIgnored(path, false), ignored);
        Assert.Equal(ignored, IgnoreMatch.IsIgnored(list, path, false, IgnoreMatch.AnyFolderIgnored(list, folder)));
    }
}
