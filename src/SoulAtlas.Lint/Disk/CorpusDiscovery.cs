using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Disk;

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

            if (contentRoot is null && IsContentRoot(dir))
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

    /// <summary>
    /// A content repository's root holds souls/&lt;slug&gt;/ folders (or mirrored/). A folder of
    /// published records that happens to be called souls/ (api/souls/*.json) does not make one.
    /// </summary>
    private static bool IsContentRoot(string dir)
    {
        if (Directory.Exists(Path.Combine(dir, "mirrored")))
        {
            return true;
        }

        var souls = Path.Combine(dir, "souls");
        return Directory.Exists(souls) && SafeDirectories(souls).Any(IsSourceFolder);
    }

    /// <summary>
    /// Authored folders beneath <paramref name="root"/>: <c>souls/&lt;slug&gt;/</c> and
    /// <c>mirrored/&lt;origin&gt;/&lt;slug&gt;/</c> holding a SOUL.md or a metadata.yaml; sorted.
    /// </summary>
    public static List<string> FindSourceFolders(string root, PathFilter ignore)
    {
        var folders = new List<string>();
        AddSourceFolders(Path.Combine(root, "souls"), folders, ignore);
        var mirrored = Path.Combine(root, "mirrored");
        if (Directory.Exists(mirrored))
        {
            foreach (var origin in SafeDirectories(mirrored))
            {
                AddSourceFolders(origin, folders, ignore);
            }
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }

    /// <summary>True when a folder holds SOUL.md or metadata.yaml.</summary>
    public static bool IsSourceFolder(string folder) =>
        File.Exists(Path.Combine(folder, "SOUL.md")) || File.Exists(Path.Combine(folder, "metadata.yaml"));

    private static void AddSourceFolders(string parent, List<string> folders, PathFilter ignore)
    {
        if (!Directory.Exists(parent) || ignore.IsIgnored(parent, isDirectory: true))
        {
            return;
        }

        foreach (var folder in SafeDirectories(parent))
        {
            if (IsSourceFolder(folder) && !ignore.IsIgnored(folder, isDirectory: true))
            {
                folders.Add(folder);
            }
        }
    }

    private static IEnumerable<string> SafeDirectories(string parent)
    {
        try
        {
            return Directory.GetDirectories(parent).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>Every *.json file beneath <paramref name="root"/>, skipping VCS, dependency, build and git-ignored folders; sorted for stable output.</summary>
    public static List<string> FindJsonFiles(string root, PathFilter ignore)
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
                    if (!string.Equals(Path.GetFileName(file), ConfigFileName, StringComparison.Ordinal) && ignore.MayBeRecord(file) && !ignore.IsIgnored(file, isDirectory: false))
                    {
                        files.Add(file);
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    if (!SkippedDirectories.Contains(Path.GetFileName(sub)) && !ignore.IsIgnored(sub, isDirectory: true))
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
