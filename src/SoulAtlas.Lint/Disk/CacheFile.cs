using System;
using System.IO;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Disk;

/// <summary>
/// The result cache on disk (<c>--cache</c>): where it lives, reading it, and writing it. A cache that
/// is missing starts empty; one that cannot be read, is not a soul-lint cache, is damaged, or was
/// written by another version or build is never trusted: it is set aside with a note, and the run
/// starts afresh and overwrites it. Writing goes through <see cref="AtomicFile"/>, so an interrupted
/// run leaves the old cache or the new one, and nothing but a regular file is ever replaced; it is
/// not flushed to the disk first (its checksum tells a file a power cut tore).
/// </summary>
public static class CacheFile
{
    /// <summary>The file's name in the working folder, or in a folder given as the location (as ESLint's <c>.eslintcache</c>).</summary>
    public const string DefaultName = ".soul-lint-cache";

    /// <summary>Larger than any cache soul-lint writes for a million occupations: a bigger file is not read.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>
    /// The cache file for <paramref name="location"/>: the file it names, or <see cref="DefaultName"/>
    /// inside it when it is a folder or ends with a separator; in <paramref name="workingDirectory"/> when null.
    /// </summary>
    public static string Resolve(string? location, string workingDirectory)
    {
        if (string.IsNullOrEmpty(location))
        {
            return Path.Combine(workingDirectory, DefaultName);
        }

        var full = Path.GetFullPath(Path.Combine(workingDirectory, location));
        var folder = location!.EndsWith("/", StringComparison.Ordinal) || location.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || FileStatus.OfTarget(full).Kind == FileKind.Directory;
        return folder ? Path.Combine(full, DefaultName) : full;
    }

    /// <summary>
    /// The default cache for runs in <paramref name="workingDirectory"/>: a file named by a digest of
    /// the folder's full path in the user's cache folder (<c>$XDG_CACHE_HOME/soul-lint</c>, else
    /// <c>~/.cache/soul-lint</c>; <c>%LOCALAPPDATA%\soul-lint</c> on Windows), so that no file
    /// appears in the corpus. Null when the environment names no such folder.
    /// </summary>
    public static string? UserCache(string workingDirectory, Func<string, string?> variable)
    {
        string? folder;
        if (Path.DirectorySeparatorChar == '\\')
        {
            folder = variable("LOCALAPPDATA") is { Length: > 0 } local ? Path.Combine(local, "soul-lint") : null;
        }
        else if (variable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            folder = Path.Combine(xdg, "soul-lint");
        }
        else
        {
            folder = variable("HOME") is { Length: > 0 } home && Path.IsPathRooted(home) ? Path.Combine(home, ".cache", "soul-lint") : null;
        }

        if (folder is null)
        {
            return null;
        }

        var full = Path.GetFullPath(workingDirectory);
        using var sha = System.Security.Cryptography.SHA256.Create();
        var digest = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(full));
        var name = new System.Text.StringBuilder(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } leaf ? SafeName(leaf) + "-" : string.Empty);
        for (var i = 0; i < 8; i++)
        {
            name.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Path.Combine(folder, name + ".cache");
    }

    /// <summary>A folder's name cut to letters, digits, '-' and '_' (at most 40), to make the cache file easy to recognise.</summary>
    private static string SafeName(string leaf)
    {
        var safe = new System.Text.StringBuilder();
        foreach (var c in leaf)
        {
            if (safe.Length == 40)
            {
                break;
            }

            safe.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' ? c : '_');
        }

        return safe.ToString();
    }

    /// <summary>What is at <paramref name="path"/> for a cache, in one look: nothing yet, a file to read, or something <see cref="Read"/> will neither read nor replace.</summary>
    public static CachePlace Probe(string path) => FileStatus.OfTarget(path).Kind switch
    {
        FileKind.Missing => CachePlace.Empty,
        FileKind.Regular => CachePlace.File,
        _ => CachePlace.Unusable,
    };

    /// <summary>
    /// The cache at <paramref name="path"/>: an empty one when there is none yet or when it cannot be
    /// trusted (then <paramref name="note"/> says why), or null when the path is not a regular file
    /// (a folder, a FIFO, a device), which is neither read nor replaced.
    /// </summary>
    public static LintCache? Read(string path, string displayPath, out string? note)
    {
        note = null;
        var kind = FileStatus.OfTarget(path).Kind;
        if (kind == FileKind.Missing)
        {
            return new LintCache();
        }

        if (kind != FileKind.Regular)
        {
            note = $"cache {displayPath} is not a regular file (a folder, FIFO, socket or device); running without the cache";
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxBytes)
            {
                note = $"cache {displayPath} was ignored: it is larger than any soul-lint writes; it will be rebuilt";
                return new LintCache();
            }

            bytes = StreamBytes.Read(stream, stream.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            note = $"cache {displayPath} cannot be read ({ex.Message}); it will be rebuilt";
            return new LintCache();
        }

        try
        {
            return LintCache.FromBytes(bytes);
        }
        catch (LintCacheFormatException ex)
        {
            note = $"cache {displayPath} was ignored: {ex.Message}; it will be rebuilt";
            return new LintCache();
        }
    }

    /// <summary>
    /// Writes the cache atomically (creating its folder if need be); null, or a note saying why it was
    /// not saved. With <paramref name="onlyOverCache"/>, a file already there is replaced only when it
    /// is a soul-lint cache (of any version), so that a default location can never cost a user's file.
    /// </summary>
    public static string? Write(string path, string displayPath, LintCache cache, bool onlyOverCache = false)
    {
        try
        {
            if (onlyOverCache && FileStatus.OfTarget(path).Kind != FileKind.Missing && !LooksLikeCache(path))
            {
                return $"cache {displayPath} is not a soul-lint cache; it was left alone and the results were not saved";
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && FileStatus.OfTarget(folder).Kind == FileKind.Missing)
            {
                Directory.CreateDirectory(folder);
            }

            // Not flushed to the disk: a file torn by a power cut fails its checksum and is set aside.
            AtomicFile.Write(path, cache.WriteTo, durable: false);
            return null;
        }
        catch (WriteRefusedException ex)
        {
            return $"cache {displayPath}: {ex.Reason}; the results were not saved";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cache {displayPath} cannot be written ({ex.Message}); the results were not saved";
        }
    }

    /// <summary>Whether the regular file at <paramref name="path"/> begins as every soul-lint cache does.</summary>
    private static bool LooksLikeCache(string path)
    {
        if (FileStatus.Of(path).Kind != FileKind.Regular)
        {
            return false;
        }

        var start = LintCacheFormat.Start;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        return StreamBytes.Read(stream, start.Length).AsSpan().SequenceEqual(start);
    }
}

/// <summary>What a cache path holds (<see cref="CacheFile.Probe"/>).</summary>
public enum CachePlace
{
    /// <summary>Nothing yet: the run starts with an empty cache and writes one.</summary>
    Empty,

    /// <summary>A regular file, read as the cache.</summary>
    File,

    /// <summary>A folder, FIFO, socket or device: neither read nor replaced.</summary>
    Unusable,
}
