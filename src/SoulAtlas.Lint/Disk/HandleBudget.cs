using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace SoulAtlas.Lint.Disk;

/// <summary>
/// The file handles a corpus keeps open, within the process's open-file limit (less a reserve for
/// everything else the process opens). Past the budget a file is read whole instead.
/// </summary>
internal sealed class HandleBudget : IDisposable
{
    private const int Reserve = 1024;

    private readonly List<SafeHandle> _kept = new();
    private readonly int _budget = Budget();
    private int _count;

    public bool TryKeep(SafeHandle handle)
    {
        if (Interlocked.Increment(ref _count) > _budget)
        {
            return false;
        }

        lock (_kept)
        {
            _kept.Add(handle);
        }

        return true;
    }

    public void Dispose()
    {
        lock (_kept)
        {
            foreach (var handle in _kept)
            {
                handle.Dispose();
            }

            _kept.Clear();
        }
    }

    private static int Budget()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return 100_000;
        }

        try
        {
            var resource = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 8 : 7;
            if (NativeMethods.getrlimit(resource, out var limit) == 0)
            {
                return (int)Math.Max(0, Math.Min((long)Math.Min(limit.Current, int.MaxValue) - Reserve, 1_000_000));
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: keep no handles, read every file whole.
        }

        return 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int getrlimit(int resource, out ResourceLimit limit);
    }
}
