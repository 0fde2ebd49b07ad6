using System;
using System.IO;
using CsCheck;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The path tests a corpus search asks of every path it meets, made without building strings: held
/// to what the framework's string-making path functions answer, on random paths of few characters
/// (so that names, prefixes and separators meet often).
/// </summary>
public sealed class PathDisplayTests
{
    private static readonly Gen<string> Paths = Gen.String[Gen.Char["ab./\\é"], 0, 10];

    // A file name holds no separator.
    private static readonly Gen<string> Names = Gen.String[Gen.Char["ab.é"], 1, 4];

    [Fact]
    public void A_file_name_is_matched_as_path_get_file_name_gives_it()
    {
        Gen.Select(Paths, Names).Sample(
            (path, name) => PathDisplay.HasFileName(path, name) == string.Equals(Path.GetFileName(path), name, StringComparison.Ordinal),
            iter: 20_000);
        Assert.True(PathDisplay.HasFileName("/corpus/souls/deckhand/SOUL.md", "SOUL.md"));
        Assert.False(PathDisplay.HasFileName("/corpus/souls/deckhand/XSOUL.md", "SOUL.md"));
        Assert.False(PathDisplay.HasFileName("/corpus/souls/deckhand/SOUL.md.bak", "SOUL.md"));
    }

    [Fact]
    public void A_path_is_under_a_folder_as_trimming_and_comparing_strings_tells()
    {
        static bool Reference(string path, string directory)
        {
            var dir = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return string.Equals(path, dir, StringComparison.Ordinal)
                || (path.StartsWith(dir, StringComparison.Ordinal) && path.Length > dir.Length && (path[dir.Length] == Path.DirectorySeparatorChar || path[dir.Length] == Path.AltDirectorySeparatorChar));
        }

        Gen.Select(Paths, Paths).Sample((path, directory) => PathDisplay.IsUnder(path, directory) == Reference(path, directory), iter: 20_000);
        Assert.True(PathDisplay.IsUnder("/corpus/souls/deckhand", "/corpus/souls/"));
        Assert.True(PathDisplay.IsUnder("/corpus/souls", "/corpus/souls//"));
        Assert.False(PathDisplay.IsUnder("/corpus/soulsx/deckhand", "/corpus/souls"));
        Assert.False(PathDisplay.IsUnder("/corpus/soul", "/corpus/souls"));
    }
}
