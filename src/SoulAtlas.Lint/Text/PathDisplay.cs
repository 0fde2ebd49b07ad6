using System;
using System.Collections.Generic;
using System.IO;

namespace SoulAtlas.Lint.Text;

/// <summary>Paths as the user sees them: relative to the working directory, with '/' separators.</summary>
public static class PathDisplay
{
    /// <summary><paramref name="fullPath"/> relative to <paramref name="workingDirectory"/> (both absolute; '.' and '..' segments are resolved as text, without asking a file system).</summary>
    public static string Relative(string workingDirectory, string fullPath)
    {
        var from = Split(workingDirectory);
        var to = Split(fullPath);
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

    /// <summary>An absolute path with its '.' and '..' segments resolved as text (no file system is asked).</summary>
    public static string Normalize(string absolutePath)
    {
        var parts = Split(absolutePath);
        var root = absolutePath.Length > 0 && (absolutePath[0] == '/' || absolutePath[0] == '\\') ? absolutePath.Substring(0, 1) : string.Empty;
        if (root.Length == 0 && parts.Count > 0 && parts[0].EndsWith(":", StringComparison.Ordinal))
        {
            root = parts[0] + Path.DirectorySeparatorChar;
            parts.RemoveAt(0);
        }

        return root + string.Join(Path.DirectorySeparatorChar.ToString(), parts);
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
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts;
    }
}
