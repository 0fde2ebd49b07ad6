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
    private readonly ConcurrentDictionary<string, (string Folder, IgnoreList List)[]> _chains = new(StringComparer.Ordinal);

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
        if (Path.GetDirectoryName(fullPath) is not { } parent)
        {
            return false;
        }

        foreach (var (dir, list) in _chains.GetOrAdd(parent, ListsAbove))
        {
            var relative = fullPath.Substring(dir.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
            if (list.IsIgnored(relative, isDirectory))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The .gitignore files that apply to paths in <paramref name="folder"/>, nearest first: found once per folder, as a walk asks for every file in it.</summary>
    private (string Folder, IgnoreList List)[] ListsAbove(string folder)
    {
        var lists = new System.Collections.Generic.List<(string, IgnoreList)>();
        for (var dir = folder; dir is not null && PathDisplay.IsUnder(dir, _workTree!); dir = Path.GetDirectoryName(dir))
        {
            if (_lists.GetOrAdd(dir, Load) is { } list)
            {
                lists.Add((dir, list));
            }

            if (dir.Length == _workTree!.Length)
            {
                break;
            }
        }

        return lists.ToArray();
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
            return new IgnoreList(text.Split('\n').Select(line => line.TrimEnd('\r')));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
