using System;
using System.Collections.Generic;
using System.IO;

namespace SoulAtlas.Lint.Engine;

/// <summary>Paths as the user sees them: relative to the working directory, with '/' separators.</summary>
public static class PathDisplay
{
    public static string Relative(string workingDirectory, string fullPath)
    {
        var from = Split(Path.GetFullPath(workingDirectory));
        var to = Split(Path.GetFullPath(fullPath));
        var common = 0;
        while (common < from.Count && common < to.Count && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        if (common == 0)
        {
            return fullPath.Replace('\\', '/');
        }

        var parts = new List<string>();
        for (var i = common; i < from.Count; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < to.Count; i++)
        {
            parts.Add(to[i]);
        }

        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies beneath it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var dir = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return string.Equals(path, dir, StringComparison.Ordinal)
            || (path.StartsWith(dir, StringComparison.Ordinal) && path.Length > dir.Length && (path[dir.Length] == Path.DirectorySeparatorChar || path[dir.Length] == Path.AltDirectorySeparatorChar));
    }

    private static List<string> Split(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            parts.Add(part);
        }

        return parts;
    }
}
