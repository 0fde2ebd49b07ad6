using System;
using System.Collections.Concurrent;
using SoulAtlas.Lint.Text;
using System.IO;
using System.Linq;
using MAB.DotIgnore;

namespace SoulAtlas.Lint.Disk;

/// <summary>
/// Inside a git work tree, the paths its .gitignore files exclude are not content (a generated API
/// folder, build output). Each .gitignore applies to paths beneath its own folder, as git applies it;
/// an ignored folder is never entered.
/// </summary>
public sealed class GitIgnoreFilter
{
    private readonly string? _workTree;
    private readonly ConcurrentDictionary<string, IgnoreList?> _lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Level[]> _chains = new(StringComparer.Ordinal);

    private GitIgnoreFilter(string? workTree)
    {
        _workTree = workTree;
    }

    /// <summary>A filter that ignores nothing.</summary>
    public static GitIgnoreFilter None { get; } = new(null);

    /// <summary>The filter for the git work tree that contains <paramref name="path"/>, or <see cref="None"/> outside one.</summary>
    public static GitIgnoreFilter For(string path)
    {
        for (var dir = Directory.Exists(path) ? path : Path.GetDirectoryName(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return new GitIgnoreFilter(dir);
            }
        }

        return None;
    }

    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        if (_workTree is null || !PathDisplay.IsUnder(fullPath, _workTree) || fullPath.Length == _workTree.Length)
        {
            return false;
        }

        // Every .gitignore from the work tree's top down to the path's own folder may exclude it.
        if (ChainOf(fullPath) is not { } chain)
        {
            return false;
        }

        foreach (var level in chain)
        {
            if (!isDirectory && level.OnlyFolderRules && IgnoreMatch.IsPlain(fullPath.AsSpan(level.Folder.Length).TrimStart(Path.DirectorySeparatorChar)))
            {
                // A rule for folders (node_modules/) never matches a file's own path: only the folders
                // on its way, asked once for the folder, can exclude it.
                if (level.FoldersIgnored)
                {
                    return true;
                }

                continue;
            }

            var relative = fullPath.Substring(level.Folder.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
            if (IgnoreMatch.IsIgnored(level.List, relative, isDirectory, level.FoldersIgnored))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lists that apply to <paramref name="fullPath"/>'s folder; null for a path with none (a root).</summary>
    private Level[]? ChainOf(string fullPath)
    {
#if NET
        // Asked for every file a search meets: a folder already known is found without making its path.
        var parent = Path.GetDirectoryName(fullPath.AsSpan());
        if (parent.IsEmpty)
        {
            return null;
        }

        return _chains.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(parent, out var known) ? known : _chains.GetOrAdd(parent.ToString(), ListsAbove);
#else
        return Path.GetDirectoryName(fullPath) is { } parent ? _chains.GetOrAdd(parent, ListsAbove) : null;
#endif
    }

    /// <summary>
    /// The .gitignore files that apply to paths in <paramref name="folder"/>, nearest first, each with
    /// whether it ignores a folder on the way down to <paramref name="folder"/>: found once per folder,
    /// as a walk asks for every file in it.
    /// </summary>
    private Level[] ListsAbove(string folder)
    {
        var lists = new System.Collections.Generic.List<Level>();
        for (var dir = folder; dir is not null && PathDisplay.IsUnder(dir, _workTree!); dir = Path.GetDirectoryName(dir))
        {
            if (_lists.GetOrAdd(dir, Load) is { } list)
            {
                var relative = folder.Substring(dir.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
                lists.Add(new Level(dir, list, IgnoreMatch.AnyFolderIgnored(list, relative)));
            }

            if (dir.Length == _workTree!.Length)
            {
                break;
            }
        }

        return lists.ToArray();
    }

    /// <summary>One .gitignore on the way to a folder: its folder, its rules, and whether they ignore a folder between it and the folder asked about.</summary>
    private sealed class Level
    {
        public Level(string folder, IgnoreList list, bool foldersIgnored)
        {
            Folder = folder;
            List = list;
            FoldersIgnored = foldersIgnored;
            OnlyFolderRules = IgnoreMatch.OnlyFolderRules(list);
        }

        public string Folder { get; }

        public IgnoreList List { get; }

        public bool FoldersIgnored { get; }

        /// <summary>Every rule ends in '/' (matches folders only), as a generated corpus's .gitignore often does.</summary>
        public bool OnlyFolderRules { get; }
    }

    private static IgnoreList? Load(string dir)
    {
        var file = Path.Combine(dir, ".gitignore");
        try
        {
            // Only a regular file is read, as git does: git does not follow a symbolic link to a
            // .gitignore, and a FIFO or a link to a device would hang the walk or fill memory.
            if (FileStatus.Of(file).Kind != FileKind.Regular)
            {
                return null;
            }

            var text = DiskConfig.ReadText(file, file, DiskConfig.MaxConfigBytes, m => new IOException(m));
            var list = new IgnoreList();
            foreach (var line in text.Split('\n'))
            {
                try
                {
                    list.AddRule(line.TrimEnd('\r'));
                }
                catch (ArgumentException)
                {
                    // A malformed pattern (an unclosed '['), which git's matcher matches nothing with:
                    // the file's other lines still apply.
                }
            }

            return list;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// <see cref="IgnoreList.IsIgnored(string, bool)"/> for many files in one folder. For a file the
/// library tests, besides the file's own path, every folder on the way to it, splitting and joining
/// the path each time; the folders are the same for every file in a folder, so that part is asked
/// once per folder (<see cref="AnyFolderIgnored"/>) and each file's own path is matched against the
/// rules as the library matches it: the last rule that matches decides, a negated one re-including.
/// </summary>
internal static class IgnoreMatch
{
    /// <summary>
    /// Whether every rule is for folders only (ends in '/'): the library never matches such a rule
    /// with a file's own path, so a file with a plain path (<see cref="IsPlain(ReadOnlySpan{char})"/>)
    /// is ignored exactly when <see cref="AnyFolderIgnored"/> says so of its folder.
    /// </summary>
    public static bool OnlyFolderRules(IgnoreList list) => list.Rules.All(r => (r.PatternFlags & PatternFlags.DIRECTORY) != 0);

    /// <summary>As the library answers for <paramref name="relative"/>, given what <see cref="AnyFolderIgnored"/> said of its folder.</summary>
    public static bool IsIgnored(IgnoreList list, string relative, bool isDirectory, bool foldersIgnored)
    {
        if (isDirectory)
        {
            // The library tests a folder's own path only.
            return PathIgnored(list, relative, true);
        }

        if (!IsPlain(relative))
        {
            try
            {
                return list.IsIgnored(relative, false);
            }
            catch (ArgumentException)
            {
                // The library fails on a path of blank names only, which no rule names.
                return false;
            }
        }

        return foldersIgnored || PathIgnored(list, relative, false);
    }

    /// <summary>Whether the list ignores one of the folders of <paramref name="folder"/> (a path relative to the list's folder; empty for the folder itself), as the library tests them for a file in it.</summary>
    public static bool AnyFolderIgnored(IgnoreList list, string folder)
    {
        if (folder.Length == 0)
        {
            return false;
        }

        if (!IsPlain(folder))
        {
            // Unused: no path beneath it is plain, and those are left to the library whole.
            return false;
        }

        for (var end = folder.IndexOf('/'); ; end = folder.IndexOf('/', end + 1))
        {
            if (PathIgnored(list, end < 0 ? folder : folder.Substring(0, end), true))
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The library's test of one path: the last matching rule decides. A name of white space only
    /// (a folder called " "), which the library refuses to match, is not ignored: it is linted, not
    /// the end of the run.
    /// </summary>
    private static bool PathIgnored(IgnoreList list, string path, bool isDirectory)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var ignored = false;
        foreach (var rule in list.Rules)
        {
            if (rule.IsMatch(path, isDirectory))
            {
                ignored = (rule.PatternFlags & PatternFlags.NEGATION) == 0;
            }
        }

        return ignored;
    }

    /// <summary>
    /// A path the library splits into the folders it is written with: no ':' (which it removes), no
    /// empty or blank segment (which it skips) and no white space at either end (which it trims).
    /// </summary>
    private static bool IsPlain(string path) => IsPlain(path.AsSpan());

    /// <summary>As <see cref="IsPlain(string)"/>, for a relative path written with this system's separators or '/'.</summary>
    public static bool IsPlain(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path.IndexOf(':') >= 0 || char.IsWhiteSpace(path[0]) || char.IsWhiteSpace(path[path.Length - 1]))
        {
            return false;
        }

        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '/' || path[i] == Path.DirectorySeparatorChar)
            {
                var blank = true;
                for (var k = start; k < i && blank; k++)
                {
                    blank = char.IsWhiteSpace(path[k]);
                }

                if (blank)
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return true;
    }
}
