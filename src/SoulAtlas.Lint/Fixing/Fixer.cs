using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Fixing;

/// <summary>What <c>--fix</c> did: the diagnostics that remain, how many were repaired, and the new file texts.</summary>
public sealed class FixOutcome
{
    public FixOutcome(LintResult result, int fixedCount, IReadOnlyDictionary<string, string> changed)
    {
        Result = result;
        Fixed = fixedCount;
        Changed = changed;
    }

    public LintResult Result { get; }

    public int Fixed { get; }

    /// <summary>Full path → repaired text of every file the fixes changed.</summary>
    public IReadOnlyDictionary<string, string> Changed { get; }
}

/// <summary>
/// Lint, apply the repairs in memory, lint the repaired text again (a repair can make another
/// value stale or another repair possible), for a bounded number of passes; then, unless this is a
/// dry run, write each changed file atomically so an interrupted run never leaves half a file.
/// </summary>
public static class Fixer
{
    public const int MaxPasses = 10;

    public static FixOutcome Run(LintSettings settings, IReadOnlyList<string> paths, string workingDirectory, bool write, LintProgress? progress = null)
    {
        var overlay = new Dictionary<string, string>(StringComparer.Ordinal);
        var fixedCount = 0;
        var result = new Linter(settings).Lint(paths, workingDirectory, progress);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var applied = false;
            foreach (var file in result.Diagnostics.Where(d => d.Fix is { Count: > 0 } && d.FullPath is not null && d.Source is not null).GroupBy(d => d.FullPath!))
            {
                var source = file.First().Source!;
                var (text, count) = EditApplier.Apply(source.Text, file.SelectMany(d => d.Fix!));
                if (count > 0 && !string.Equals(text, source.Text, StringComparison.Ordinal))
                {
                    overlay[file.Key] = text;
                    applied = true;
                }
            }

            if (!applied)
            {
                break;
            }

            var before = result.Diagnostics.Count(d => d.Fix is not null);
            result = new Linter(settings, overlay).Lint(paths, workingDirectory);
            fixedCount += Math.Max(0, before - result.Diagnostics.Count(d => d.Fix is not null));
        }

        if (write)
        {
            foreach (var pair in overlay)
            {
                // Keep a byte-order mark the user had; invalid-encoding reports it, --fix does not remove it.
                var hadBom = HasBom(pair.Key);
                AtomicFile.Write(pair.Key, (hadBom ? "\uFEFF" : string.Empty) + pair.Value);
            }
        }

        return new FixOutcome(result, fixedCount, overlay);
    }

    private static bool HasBom(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[3];
        return stream.Read(head, 0, 3) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
    }
}
