using System;
using System.IO;
using System.Text;

namespace SoulAtlas.Lint.Disk;

/// <summary>A file that soul-lint will not write, and why (exit code 2 for a report or baseline; a warning for a fix).</summary>
public sealed class WriteRefusedException : IOException
{
    public WriteRefusedException(string path, string reason)
        : base(path + ": " + reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The path as the caller named it.</summary>
    public string Path { get; }

    /// <summary>Why it was not written.</summary>
    public string Reason { get; }
}

/// <summary>
/// Writes a whole file or nothing, without harming what is already there: a temporary sibling is
/// written, flushed, given the old file's mode and owner, and renamed over the target. A link is
/// written through to the file it names; anything that is not a regular file (a device, a FIFO, a
/// folder) is never replaced; a read-only file is refused unless asked for; a file with other
/// hard links is rewritten in place so the links keep sharing it. Temporary files are named
/// <c>.NAME.soul-lint-XXXXXXXX.tmp</c>, and the next write of NAME removes any an interrupted run left.
/// </summary>
public static class AtomicFile
{
    /// <exception cref="WriteRefusedException">The path cannot or must not be written; the message says why.</exception>
    public static void Write(string path, string text, bool allowReadOnly = false) =>
        Write(path, new UTF8Encoding(false).GetBytes(text), allowReadOnly);

    /// <param name="durable">
    /// Whether the bytes are flushed to the disk before the rename, so that after a power cut the
    /// file holds the old bytes or the new ones. False only for a file whose reader detects a torn
    /// write and discards it (the result cache is checksummed): the rename still replaces it whole
    /// for every process, without waiting for the disk.
    /// </param>
    /// <exception cref="WriteRefusedException">The path cannot or must not be written; the message says why.</exception>
    public static void Write(string path, byte[] bytes, bool allowReadOnly = false, bool durable = true) =>
        Write(path, stream => stream.Write(bytes, 0, bytes.Length), allowReadOnly, durable);

    /// <summary>As <see cref="Write(string, byte[], bool, bool)"/>, with the bytes written by <paramref name="write"/> as they are made.</summary>
    /// <exception cref="WriteRefusedException">The path cannot or must not be written; the message says why.</exception>
    public static void Write(string path, Action<Stream> write, bool allowReadOnly = false, bool durable = true)
    {
        var full = Path.GetFullPath(path);
        var status = FileStatus.Of(full);
        if (status.Kind == FileKind.SymbolicLink)
        {
#if NET
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            full = target?.FullName ?? throw new WriteRefusedException(path, $"a symbolic link that leads nowhere");
            status = FileStatus.Of(full);
#else
            throw new WriteRefusedException(path, $"a symbolic link");
#endif
        }

        if (status.Kind is FileKind.Directory or FileKind.Special)
        {
            throw new WriteRefusedException(path, $"not a regular file ({(status.Kind == FileKind.Directory ? "a folder" : "a device, FIFO or socket")}); soul-lint will not replace it");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new WriteRefusedException(path, $"the folder {folder} does not exist");
        }

        var exists = status.Kind == FileKind.Regular;
        if (exists && !allowReadOnly && IsReadOnly(full))
        {
            throw new WriteRefusedException(path, $"the file is read-only");
        }

        try
        {
            if (exists && status.Known && status.Links > 1)
            {
                // Renaming over the file would leave its other names with the old text.
                // The bytes are all made before the file is truncated, so that a failure leaves it as it was.
                using var made = new MemoryStream();
                write(made);
                using var stream = new FileStream(full, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                made.WriteTo(stream);
                stream.Flush(durable);
                return;
            }

            var name = Path.GetFileName(full);
            RemoveStale(folder, name);
            var temp = Path.Combine(folder, "." + name + ".soul-lint-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    write(stream);
                    stream.Flush(durable);
                }

                if (exists)
                {
                    KeepModeAndOwner(full, temp, status);
                }

#if NET
                File.Move(temp, full, overwrite: true);
#else
                if (exists)
                {
                    File.Replace(temp, full, null);
                }
                else
                {
                    File.Move(temp, full);
                }
#endif
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            _ = ex;
            throw new WriteRefusedException(path, "permission denied (the file or its folder is not writable)");
        }
        catch (IOException ex) when (ex is not WriteRefusedException)
        {
            throw new WriteRefusedException(path, $"cannot be written ({System.Text.RegularExpressions.Regex.Replace(ex.Message, @"\S*\.soul-lint-[0-9a-f]{8}\.tmp", full)})");
        }
    }

    private static bool IsReadOnly(string full)
    {
        if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
        {
            return true;
        }

#if NET
        if (!OperatingSystem.IsWindows())
        {
            return (File.GetUnixFileMode(full) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        }
#endif
        return false;
    }

    private static void KeepModeAndOwner(string full, string temp, FileStatus status)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
        }
#endif
        FileStatus.CopyOwner(temp, status);
    }

    /// <summary>Temporary files an interrupted write of <paramref name="name"/> left behind.</summary>
    private static void RemoveStale(string folder, string name)
    {
        try
        {
            foreach (var stale in Directory.GetFiles(folder, "." + name + ".soul-lint-*.tmp"))
            {
                File.Delete(stale);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers that cannot be removed are no reason not to write.
        }
    }
}
