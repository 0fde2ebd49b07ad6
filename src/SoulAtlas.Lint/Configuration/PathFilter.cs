using System;
using System.Collections.Generic;
using System.IO;
using SoulAtlas.Lint.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace SoulAtlas.Lint.Configuration;

/// <summary>
/// Decides which paths discovery passes over: what .gitignore excludes (inside a git work tree)
/// and the config's <c>ignore</c> globs; and, when the config names <c>records</c> globs, which
/// JSON files are records at all. Globs are relative to the config file's folder.
/// </summary>
public sealed class PathFilter
{
    private readonly Func<string, bool, bool>? _excluded;
    private readonly string? _globBase;
    private readonly Matcher? _ignore;
    private readonly Matcher? _records;

    /// <param name="excluded">What else the host excludes (the disk adapter passes .gitignore): path, is-folder → excluded.</param>
    public PathFilter(Func<string, bool, bool>? excluded, string? globBase = null, IReadOnlyList<string>? ignore = null, IReadOnlyList<string>? records = null)
    {
        _excluded = excluded;
        _globBase = globBase;
        if (globBase is not null && ignore is { Count: > 0 })
        {
            _ignore = new Matcher(StringComparison.Ordinal);
            foreach (var glob in ignore)
            {
                _ignore.AddInclude(glob);
                _ignore.AddInclude(glob.TrimEnd('/') + "/**");

                // "drafts/**" ignores the folder drafts itself too, so discovery never enters it.
                if (glob.EndsWith("/**", StringComparison.Ordinal) && glob.Length > 3)
                {
                    _ignore.AddInclude(glob.Substring(0, glob.Length - 3));
                }
            }
        }

        if (globBase is not null && records is not null)
        {
            _records = new Matcher(StringComparison.Ordinal);
            _records.AddIncludePatterns(records);
        }
    }

    /// <summary>The filter a config's globs describe.</summary>
    public static PathFilter For(LintSettings settings, Func<string, bool, bool>? excluded = null) =>
        new(excluded, settings.GlobBase, settings.IgnoreGlobs, settings.RecordGlobs);

    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        if (_excluded is not null && _excluded(fullPath, isDirectory))
        {
            return true;
        }

        return _ignore is not null && Relative(fullPath) is { } relative && _ignore.Match(relative).HasMatches;
    }

    /// <summary>Whether a JSON file may be a record: any, unless the config names record globs.</summary>
    public bool MayBeRecord(string fullPath) =>
        _records is null || (Relative(fullPath) is { } relative && _records.Match(relative).HasMatches);

    private string? Relative(string fullPath)
    {
        if (_globBase is null || !PathDisplay.IsUnder(fullPath, _globBase) || fullPath.Length == _globBase.Length)
        {
            return null;
        }

        return fullPath.Substring(_globBase.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
    }
}
