using System.Threading;

namespace SoulAtlas.Lint.Engine;

/// <summary>Counters a host can poll to show progress; the engine only increments them.</summary>
public sealed class LintProgress
{
    private int _total;
    private int _done;

    /// <summary>Units of work known so far (files to read plus occupations to check).</summary>
    public int Total => Volatile.Read(ref _total);

    public int Done => Volatile.Read(ref _done);

    internal void AddTotal(int count) => Interlocked.Add(ref _total, count);

    internal void Step() => Interlocked.Increment(ref _done);
}
