using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SoulAtlas.Lint.Engine;

/// <summary>Finds the corpus root of a path and the candidate files beneath it.</summary>
public static class CorpusDiscovery
{
    public const string ConfigFileName = "soul-lint.json";

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };

    /// <summary>
    /// The root whose whole corpus cross-document rules see: the nearest ancestor holding a
    /// soul-lint.json, else the nearest holding a souls/ or mirrored/ folder (a content repository),
    /// else the folder itself (or the file's folder). The search stops at a git work-tree's top.
    /// </summary>
    public static string FindRoot(string fullPath)
    {
        var start = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath) ?? fullPath;
        string? contentRoot = null;
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, ConfigFileName)))
            {
                return dir;
            }

            if (contentRoot is null && (Directory.Exists(Path.Combine(dir, "souls")) || Directory.Exists(Path.Combine(dir, "mirrored"))))
            {
                contentRoot = dir;
            }

            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git")))
            {
                break;
            }
        }

        return contentRoot ?? start;
    }

    /// <summary>Every *.json file beneath <paramref name="root"/>, skipping VCS, dependency and build folders; sorted for stable output.</summary>
    public static List<string> FindJsonFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var file in Directory.EnumerateFiles(dir, "*.json"))
                {
                    if (!string.Equals(Path.GetFileName(file), ConfigFileName, StringComparison.Ordinal))
                    {
                        files.Add(file);
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    if (!SkippedDirectories.Contains(Path.GetFileName(sub)))
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder is not part of the corpus; the rest still is.
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
