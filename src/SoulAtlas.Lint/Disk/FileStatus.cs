using System;
using System.IO;
using System.Runtime.InteropServices;

namespace SoulAtlas.Lint.Disk;

/// <summary>What kind of thing a path names.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, socket or device: never opened (opening a FIFO blocks until a writer appears).</summary>
    Special,
}

/// <summary>
/// A path's file type, identity (device and inode), link count, owner and mode, as the operating
/// system reports them (Linux statx; elsewhere what .NET can tell). .NET's own file APIs call a
/// FIFO or a device an ordinary file, and opening a FIFO blocks: this is how the disk adapter
/// decides what it may open, detects folder loops, and keeps a rewritten file's owner and links.
/// </summary>
internal readonly struct FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    public FileStatus(FileKind kind, ulong device, ulong inode, uint links, uint owner, uint group, bool known)
    {
        Kind = kind;
        Device = device;
        Inode = inode;
        Links = links;
        Owner = owner;
        Group = group;
        Known = known;
    }

    public FileKind Kind { get; }

    public ulong Device { get; }

    public ulong Inode { get; }

    public uint Links { get; }

    public uint Owner { get; }

    public uint Group { get; }

    /// <summary>Whether identity, links and owner are known (they are on Linux).</summary>
    public bool Known { get; }

    /// <summary>The size in bytes (when <see cref="Known"/>).</summary>
    public long Length { get; private init; }

    /// <summary>When the content last changed, in nanoseconds since 1970 (when <see cref="Known"/>).</summary>
    public long Modified { get; private init; }

    /// <summary>When the content or the status (owner, mode, links, name) last changed, in nanoseconds since 1970; no program sets it to a time of its choosing (when <see cref="Known"/>).</summary>
    public long Changed { get; private init; }

    /// <summary>The status of the path itself (a link is reported as a link).</summary>
    public static FileStatus Of(string path) => Get(path, follow: false);

    /// <summary>The status of what the path finally names (links followed).</summary>
    public static FileStatus OfTarget(string path) => Get(path, follow: true);

    /// <summary>Gives <paramref name="path"/> the owner and group of <paramref name="like"/> (where the system allows; silently kept otherwise).</summary>
    public static void CopyOwner(string path, FileStatus like)
    {
        if (!like.Known || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return;
        }

        try
        {
            _ = NativeMethods.chown(path, like.Owner, like.Group);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc: the owner stays the writer's.
        }
    }

    private static FileStatus Get(string path, bool follow)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            try
            {
                // On the stack: a run asks for thousands of statuses.
                Span<byte> buffer = stackalloc byte[256];
                if (NativeMethods.statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
                {
                    return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, known: true);
                }

                var links = Read<uint>(buffer, 16);
                var owner = Read<uint>(buffer, 20);
                var group = Read<uint>(buffer, 24);
                var mode = Read<ushort>(buffer, 28);
                var inode = Read<ulong>(buffer, 32);
                var device = ((ulong)Read<uint>(buffer, 136) << 32) | Read<uint>(buffer, 140);
                var kind = (mode & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0xA000 => FileKind.SymbolicLink,
                    _ => FileKind.Special,
                };
                return new FileStatus(kind, device, inode, links, owner, group, known: true)
                {
                    Length = Read<long>(buffer, 40),
                    Changed = Nanoseconds(buffer, 96),
                    Modified = Nanoseconds(buffer, 112),
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: fall back to what .NET can tell.
            }
        }

        return Managed(path, follow);
    }

    /// <summary>A field of the statx buffer (in the machine's byte order).</summary>
    private static T Read<T>(ReadOnlySpan<byte> buffer, int offset)
        where T : struct => MemoryMarshal.Read<T>(buffer.Slice(offset));

    /// <summary>A statx timestamp (seconds, then nanoseconds) as nanoseconds since 1970.</summary>
    private static long Nanoseconds(ReadOnlySpan<byte> buffer, int offset) =>
        (Read<long>(buffer, offset) * 1_000_000_000L) + Read<uint>(buffer, offset + 8);

    private static FileStatus Managed(string path, bool follow)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, known: false);
        }

#if NET
        if (info.LinkTarget is not null)
        {
            if (!follow)
            {
                return new FileStatus(FileKind.SymbolicLink, 0, 0, 0, 0, 0, known: false);
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, known: false);
            }

            info = target;
        }
#endif
        return new FileStatus(info is DirectoryInfo ? FileKind.Directory : FileKind.Regular, 0, 0, 1, 0, 0, known: false);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, string pathname, int flags, uint mask, ref byte statxbuf);

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int chown(string path, uint owner, uint group);
    }
}
