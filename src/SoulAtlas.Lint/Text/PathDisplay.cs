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
        // The directory without separators at its end, compared in place (a search asks this of every path it meets).
        var length = directory.Length;
        while (length > 0 && IsSeparator(directory[length - 1]))
        {
            length--;
        }

        return string.CompareOrdinal(path, 0, directory, 0, length) == 0
            && (path.Length == length || (path.Length > length && IsSeparator(path[length])));
    }

    /// <summary>Whether the last segment of <paramref name="path"/> (what <see cref="Path.GetFileName(string)"/> gives) is <paramref name="name"/>, without making a string of it.</summary>
    public static bool HasFileName(string path, string name)
    {
        var start = path.Length - name.Length;
        return start >= 0 && string.CompareOrdinal(path, start, name, 0, name.Length) == 0 && (start == 0 || IsSeparator(path[start - 1]) || (start == 2 && path[1] == Path.VolumeSeparatorChar && Path.VolumeSeparatorChar != '/'));
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

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
