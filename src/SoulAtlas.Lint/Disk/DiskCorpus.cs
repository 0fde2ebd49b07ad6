using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Disk;

/// <summary>
/// The disk adapter that the CLI and the MSBuild task share: it turns paths into the engine's
/// documents. It finds each path's corpus root, discovers the records and source folders beneath it
/// (skipping what .gitignore and the config's ignore globs exclude), and reads every file once;
/// a file over the size limit is not read at all. The engine never touches the disk.
/// </summary>
/// <remarks>
/// Each file is opened once. Where the runtime allows it, its handle is kept open for the run and
/// the engine reads the bytes through it when it needs them (the index scan, the check), so the
/// corpus's bytes are never all in memory at once; past the process's open-file budget, files are
/// read whole and their bytes kept instead. Dispose the corpus to close the handles.
/// </remarks>
public sealed class DiskCorpus : IDisposable
{
    private readonly HandleBudget _handles;
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified)> _seen;

    private DiskCorpus(IReadOnlyList<ContentFile> documents, LintScope scope, IReadOnlyList<string> roots, string workingDirectory, HandleBudget handles, ConcurrentDictionary<string, (long, DateTime)> seen)
    {
        _seen = seen;
        Documents = documents;
        Scope = scope;
        Roots = roots;
        WorkingDirectory = workingDirectory;
        _handles = handles;
    }

    /// <summary>Every document of the corpora the paths lie in, by absolute path, sorted.</summary>
    public IReadOnlyList<ContentFile> Documents { get; }

    /// <summary>The files and folders that were named: what diagnostics are reported for.</summary>
    public LintScope Scope { get; }

    /// <summary>The corpus roots the paths resolved to.</summary>
    public IReadOnlyList<string> Roots { get; }

    public string WorkingDirectory { get; }

    /// <summary>A request for the engine over this corpus, reporting on the named paths.</summary>
    public LintRequest Request(LintSettings settings) => new(Documents, settings) { Scope = Scope, BaseDirectory = WorkingDirectory };

    /// <summary>Finds and reads the corpus of <paramref name="paths"/> (relative to <paramref name="workingDirectory"/>; none means the folder itself).</summary>
    /// <param name="paths">The files and folders to report on.</param>
    /// <param name="workingDirectory">What relative paths are relative to.</param>
    /// <param name="settings">Ignore globs, limits and parallelism.</param>
    /// <param name="useGitIgnore">Whether .gitignore files exclude paths.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <param name="versionsBefore">
    /// For a run with a cache (<see cref="LintRequest.Cache"/>): each regular file last changed before
    /// this time (UTC; give a margin for the file system's time-stamp granularity) gets a
    /// <see cref="ContentFile.Version"/> from its device, inode, size and its modification and change
    /// times, and is opened only if its bytes are needed, so an unchanged corpus is not read. A
    /// file changed later gets none and is read and hashed; so does every file where the system
    /// does not report those (only Linux does here). Null: no versions; every file is opened now.
    /// </param>
    /// <exception cref="LintUsageException">A path does not exist.</exception>
    public static DiskCorpus Load(IReadOnlyList<string> paths, string workingDirectory, LintSettings settings, bool useGitIgnore = true, CancellationToken cancellationToken = default, DateTime? versionsBefore = null)
    {
        var targets = ResolveTargets(paths, workingDirectory);
        var roots = targets.Select(t => CorpusDiscovery.FindRoot(t.FullPath)).Distinct(StringComparer.Ordinal).ToList();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var notes = new List<ContentFile>();

        // The status each regular file had as it was found, for its version: not asked twice.
        var regular = new Dictionary<string, FileStatus>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var git = useGitIgnore ? GitIgnoreFilter.For(root) : GitIgnoreFilter.None;
            var filter = PathFilter.For(settings, git.IsIgnored);
            var listed = new CorpusDiscovery.Listings();
            files.UnionWith(CorpusDiscovery.FindJsonFiles(root, filter, notes, listed, regular));
            foreach (var folder in CorpusDiscovery.FindSourceFolders(root, filter, notes, listed, regular))
            {
                AddSourceFiles(folder, root, files, notes, regular);
            }
        }

        foreach (var target in targets)
        {
            if (target.IsDirectory)
            {
                if (CorpusDiscovery.IsSourceFolder(target.FullPath))
                {
                    AddSourceFiles(target.FullPath, target.FullPath, files, notes);
                }
            }
            else
            {
                var name = Path.GetFileName(target.FullPath);
                var folder = Path.GetDirectoryName(target.FullPath)!;
                if (name == SourceLoader.BodyFileName || name == SourceLoader.MetadataFileName)
                {
                    AddSourceFiles(folder, folder, files, notes);
                }

                if (!files.Contains(target.FullPath) && CorpusDiscovery.MayRead(target.FullPath, folder, notes))
                {
                    files.Add(target.FullPath);
                }
            }
        }

        var list = files.ToList();
        var documents = new ContentFile[list.Count + notes.Count];
        notes.CopyTo(documents, list.Count);
        var handles = new HandleBudget();
        var seen = new ConcurrentDictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var settled = versionsBefore is { } before ? (before.ToUniversalTime() - UnixEpoch).Ticks * 100 : (long?)null;
        try
        {
            Parallel.For(
                0,
                list.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
                i => documents[i] = (settled is { } limit ? OpenWhenRead(list[i], regular.TryGetValue(list[i], out var found) ? found : FileStatus.OfTarget(list[i]), limit, settings.Limits, handles) : null)
                    ?? Open(list[i], settings.Limits, handles, seen));
        }
        catch
        {
            handles.Dispose();
            throw;
        }

        var scope = new LintScope(targets.Where(t => !t.IsDirectory).Select(t => t.FullPath), targets.Where(t => t.IsDirectory).Select(t => t.FullPath));
        return new DiskCorpus(documents, scope, roots, workingDirectory, handles, seen);
    }

    /// <summary>Closes the files the corpus keeps open; its documents cannot be read after this.</summary>
    public void Dispose() => _handles.Dispose();

    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A regular file last changed before <paramref name="settledBefore"/> (nanoseconds since 1970),
    /// with its version, to be opened when it is first read; null when the file is not such a file or
    /// the system does not tell (it is then opened now). <paramref name="status"/> is the status of
    /// what the path names (a link's target's). Only a run that writes nothing names versions, so
    /// no stamp for --fix is taken: a file opened this way is never written.
    /// </summary>
    private static ContentFile? OpenWhenRead(string fullPath, FileStatus status, long settledBefore, LoadLimits limits, HandleBudget handles)
    {
#if NET
        if (!status.Known || status.Kind != FileKind.Regular || status.Modified >= settledBefore || status.Changed >= settledBefore || status.Length > limits.MaxFileBytes)
        {
            return null;
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"{status.Device}:{status.Inode}:{status.Length}:{status.Modified}:{status.Changed}");
        var file = new OpenedWhenRead(fullPath, status.Length, handles);
        return ContentFile.FromSource(fullPath, status.Length, file.Read, file.ReadInto).WithVersion(version);
#else
        return null;
#endif
    }

    /// <summary>Opens one file: a document that reads through the kept handle, or its bytes, or why it could not be read, or only its size when that is over the limit.</summary>
    private static ContentFile Open(string fullPath, LoadLimits limits, HandleBudget handles, ConcurrentDictionary<string, (long, DateTime)> seen)
    {
#if NET
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ContentFile.Unreadable(fullPath, CorpusDiscovery.WhyUnreadable(fullPath, ex));
        }

        try
        {
            var length = RandomAccess.GetLength(handle);

            // What --fix compares before it writes: the opened file's own size and time stamp (a
            // linked file's target's), taken on the threads that open the files.
            seen[fullPath] = (length, File.GetLastWriteTimeUtc(handle));
            if (length > limits.MaxFileBytes)
            {
                handle.Dispose();
                return ContentFile.NotRead(fullPath, length);
            }

            if (!handles.TryKeep(handle))
            {
                var bytes = ReadAt(handle, length);
                handle.Dispose();
                return ContentFile.FromBytes(fullPath, bytes);
            }

            return ContentFile.FromSource(fullPath, length, () => ReadAt(handle, length), buffer => ReadAt(handle, buffer, length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            handle.Dispose();
            return ContentFile.Unreadable(fullPath, CorpusDiscovery.WhyUnreadable(fullPath, ex));
        }
#else
        if (Stamp(fullPath) is { } stamp)
        {
            seen[fullPath] = stamp;
        }

        return Read(fullPath, limits);
#endif
    }

#if NET
    /// <summary>
    /// A file opened on its first read (from any thread), its handle then kept within the budget as
    /// <see cref="Open"/> keeps it; a file that cannot be opened then throws, and is reported as unreadable.
    /// </summary>
    private sealed class OpenedWhenRead
    {
        private readonly string _path;
        private readonly long _length;
        private readonly HandleBudget _handles;
        private readonly object _opening = new();
        private Microsoft.Win32.SafeHandles.SafeFileHandle? _kept;

        public OpenedWhenRead(string path, long length, HandleBudget handles)
        {
            _path = path;
            _length = length;
            _handles = handles;
        }

        public byte[] Read() => Through(handle => ReadAt(handle, _length));

        public int ReadInto(byte[] buffer) => Through(handle => ReadAt(handle, buffer, _length));

        /// <summary>Reads through the kept handle, or through one opened for this read when the budget is spent.</summary>
        private T Through<T>(Func<Microsoft.Win32.SafeHandles.SafeFileHandle, T> read)
        {
            var handle = Handle(out var own);
            try
            {
                return read(handle);
            }
            finally
            {
                if (own)
                {
                    handle.Dispose();
                }
            }
        }

        /// <summary>The kept handle, or a new one the caller disposes (<paramref name="own"/>) when the budget is spent.</summary>
        private Microsoft.Win32.SafeHandles.SafeFileHandle Handle(out bool own)
        {
            own = false;
            lock (_opening)
            {
                if (_kept is { } kept)
                {
                    return kept;
                }

                Microsoft.Win32.SafeHandles.SafeFileHandle handle;
                try
                {
                    handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new IOException(CorpusDiscovery.WhyUnreadable(_path, ex), ex);
                }

                if (_handles.TryKeep(handle))
                {
                    _kept = handle;
                    return handle;
                }

                own = true;
                return handle;
            }
        }
    }

    /// <summary>The file's first <paramref name="length"/> bytes (fewer if it has shrunk since it was opened).</summary>
    private static byte[] ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        // Not cleared first: the read fills it, and an array cut short is copied to one that is
        // (clearing each new array was a tenth of the time the index scan spent reading records).
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
        var read = ReadAt(handle, bytes, length);
        if (read < bytes.Length)
        {
            Array.Resize(ref bytes, read);
        }

        return bytes;
    }

    /// <summary>Reads the first <paramref name="length"/> bytes into <paramref name="buffer"/>; how many there were.</summary>
    private static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long length)
    {
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
#endif

    /// <summary>Reads one file whole: its bytes, or why it could not be read, or only its size when that is over the limit.</summary>
    public static ContentFile Read(string fullPath, LoadLimits limits)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > limits.MaxFileBytes)
            {
                return ContentFile.NotRead(fullPath, length);
            }

            return ContentFile.FromBytes(fullPath, StreamBytes.Read(stream, length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ContentFile.Unreadable(fullPath, CorpusDiscovery.WhyUnreadable(fullPath, ex));
        }
    }

    /// <summary>
    /// Writes what a fix run changed, each file atomically (<see cref="AtomicFile"/>), as the fix
    /// run left it (a byte-order mark stays unless a fix removed it). A file that vanished or
    /// changed since it was read, or that cannot or must not be written (read-only, not a regular
    /// file), is left as it is; the returned lines say which and why, and
    /// <paramref name="notWritten"/>, when given, collects their paths.
    /// </summary>
    public IReadOnlyList<string> WriteFixes(FixOutcome outcome, ICollection<string>? notWritten = null)
    {
        var skipped = new List<string>();
        var originals = Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        foreach (var pair in outcome.Changed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var display = PathDisplay.Relative(WorkingDirectory, pair.Key);
            if (!originals.TryGetValue(pair.Key, out var original) || !original.HasContent)
            {
                notWritten?.Add(pair.Key);
                continue;
            }

            if (!_seen.TryGetValue(pair.Key, out var seen) || Stamp(pair.Key) != seen)
            {
                skipped.Add($"{display}: vanished or changed since it was read; not fixed");
                notWritten?.Add(pair.Key);
                continue;
            }

            try
            {
                AtomicFile.Write(pair.Key, pair.Value);
            }
            catch (WriteRefusedException ex)
            {
                skipped.Add($"{display}: {ex.Reason}; not fixed");
                notWritten?.Add(pair.Key);
            }
        }

        return skipped;
    }

    /// <summary>
    /// A file's size and last write, to tell whether it changed since it was read; for a link, those
    /// of the file it finally names (the one that is read and written), as the open file reports them.
    /// </summary>
    private static (long, DateTime)? Stamp(string path)
    {
        try
        {
            var info = new FileInfo(path);
#if NET
            if (info.Exists && info.LinkTarget is not null)
            {
                info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            }
#endif
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void AddSourceFiles(string folder, string root, SortedSet<string> files, List<ContentFile> notes, IDictionary<string, FileStatus>? regular = null)
    {
        foreach (var name in new[] { SourceLoader.BodyFileName, SourceLoader.MetadataFileName })
        {
            var path = Path.Combine(folder, name);
            if (!files.Contains(path) && CorpusDiscovery.MayRead(path, root, notes, regular))
            {
                files.Add(path);
            }
        }
    }

    private static List<Target> ResolveTargets(IReadOnlyList<string> paths, string workingDirectory)
    {
        var targets = new List<Target>();
        foreach (var path in paths.Count == 0 ? new[] { "." } : paths)
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, path)).TrimEnd(Path.DirectorySeparatorChar);
            if (full.Length == 0)
            {
                full = Path.DirectorySeparatorChar.ToString();
            }

            if (Directory.Exists(full))
            {
                targets.Add(new Target(full, true));
            }
            else if (File.Exists(full))
            {
                targets.Add(new Target(full, false));
            }
            else
            {
                throw new LintUsageException($"path not found: {path}");
            }
        }

        return targets;
    }

    private sealed record Target(string FullPath, bool IsDirectory);
}

/// <summary>Finding and reading soul-lint.json, the files it names, and baselines.</summary>
public static class DiskConfig
{
    /// <summary>The nearest soul-lint.json in <paramref name="start"/> or a folder above it (stopping at a git work tree's top), or null.</summary>
    public static string? Find(string start)
    {
        for (var dir = Directory.Exists(start) ? start : Path.GetDirectoryName(start); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, LintConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(Path.Combine(dir, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <exception cref="ConfigException">The file cannot be read, is not JSON, or breaks the config schema.</exception>
    public static LintConfig Load(string path, string displayPath)
    {
        string text;
        try
        {
            text = ReadText(path, displayPath, MaxConfigBytes, m => new ConfigException(m));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{displayPath}: cannot be read: {ex.Message}");
        }

        return LintConfig.Parse(text, Path.GetFullPath(path), displayPath);
    }

    /// <summary>The contract a config names, its files read from disk.</summary>
    /// <exception cref="ConfigException">A named file cannot be used.</exception>
    public static Contract.ContentContract? LoadContract(LintConfig config) => config.LoadContract(ReadTextOrNull);

    /// <summary>A config and its contract as settings, with command-line severities winning.</summary>
    public static LintSettings Settings(LintConfig? config, IReadOnlyDictionary<string, Diagnostics.Severity>? overrides = null) =>
        LintConfig.ToSettings(config, config is null ? null : LoadContract(config), overrides);

    /// <exception cref="BaselineException">The file is missing or not a baseline.</exception>
    public static Baseline ReadBaseline(string path, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = ReadRegular(path, "baseline " + displayPath, MaxBaselineBytes, m => new BaselineException(m));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"baseline {displayPath} cannot be used: {ex.Message}");
        }

        return Baseline.Parse(bytes, displayPath);
    }

    /// <summary>Opening a FIFO blocks until a writer comes, and a device can be endless: only regular files are read.</summary>
    /// <summary>Largest config, schema or section list read (a real one is a few kilobytes).</summary>
    internal const long MaxConfigBytes = 16 * 1024 * 1024;

    /// <summary>Largest baseline read (about a hundred bytes per recorded problem).</summary>
    internal const long MaxBaselineBytes = 256 * 1024 * 1024;

    /// <summary>
    /// The bytes of a regular file (links followed) of at most <paramref name="maxBytes"/>: a FIFO,
    /// a device such as /dev/zero or an oversized file is refused before it is read, as
    /// <paramref name="error"/> says, so no file a user names can hang the run or exhaust memory.
    /// </summary>
    internal static byte[] ReadRegular(string path, string name, long maxBytes, Func<string, Exception> error)
    {
        RequireRegular(path, name, error);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw error($"{name}: is {length.ToString(CultureInfo.InvariantCulture)} bytes, over the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes; not read");
        }

        return StreamBytes.Read(stream, length);
    }

    /// <summary>Like <see cref="ReadRegular"/>, decoded as UTF-8 (a byte-order mark is dropped).</summary>
    internal static string ReadText(string path, string name, long maxBytes, Func<string, Exception> error)
    {
        var bytes = ReadRegular(path, name, maxBytes, error);
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return System.Text.Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    private static void RequireRegular(string path, string name, Func<string, Exception> error)
    {
        var kind = FileStatus.OfTarget(path).Kind;
        if (kind == FileKind.Missing)
        {
            throw error($"{name}: file not found");
        }

        if (kind != FileKind.Regular)
        {
            throw error($"{name}: not a regular file (a folder, FIFO, socket or device); not read");
        }
    }

    private static string? ReadTextOrNull(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            return ReadText(path, path, MaxConfigBytes, m => new ConfigException(m));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot be read: {ex.Message}");
        }
    }
}
