using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// A unified diff of one file (<c>--- a/path</c>, <c>+++ b/path</c>, hunks with three lines of
/// context), as <c>git diff</c> and <c>ruff --diff</c> print it, so that <c>git apply</c> or
/// <c>patch -p1</c> can apply it. Lines are split after each '\n'; a '\r' stays part of its line, so
/// a CRLF file's diff keeps its CRLFs.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>, empty when they are equal.</summary>
    /// <param name="path">The file's path relative to the working directory, with '/' separators.</param>
    /// <param name="safeForTerminal">Escape control characters (for a terminal; a diff that is to be applied must not have them escaped).</param>
    public static string Format(string path, string before, string after, bool safeForTerminal = false)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var a = Lines(before);
        var b = Lines(after);
        var script = Edits(a, b);
        var sb = new StringBuilder();
        var shownPath = safeForTerminal ? Text.TerminalText.Escape(path) : path;
        sb.Append("--- a/").Append(shownPath).Append('\n');
        sb.Append("+++ b/").Append(shownPath).Append('\n');

        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from three lines before this change to three after the last change that is
            // at most six unchanged lines from the next.
            var start = Math.Max(0, i - ContextLines);
            var end = i;
            while (true)
            {
                while (end < script.Count && script[end].Kind != ' ')
                {
                    end++;
                }

                var gap = end;
                while (gap < script.Count && script[gap].Kind == ' ')
                {
                    gap++;
                }

                if (gap < script.Count && gap - end <= 2 * ContextLines)
                {
                    end = gap;
                    continue;
                }

                end = Math.Min(script.Count, end + ContextLines);
                break;
            }

            AppendHunk(sb, script, start, end, a, b, safeForTerminal);
            i = end;
        }

        return sb.ToString();
    }

    private static void AppendHunk(StringBuilder sb, List<(char Kind, int A, int B)> script, int start, int end, List<string> a, List<string> b, bool safe)
    {
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        for (var k = start; k < end; k++)
        {
            var (kind, ai, bi) = script[k];
            if (kind != '+')
            {
                aCount++;
                if (aStart < 0)
                {
                    aStart = ai;
                }
            }

            if (kind != '-')
            {
                bCount++;
                if (bStart < 0)
                {
                    bStart = bi;
                }
            }
        }

        // Where a side has no line in the hunk, the range names the line before it (GNU diff).
        if (aStart < 0)
        {
            aStart = script[start].A;
        }

        if (bStart < 0)
        {
            bStart = script[start].B;
        }

        sb.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
        for (var k = start; k < end; k++)
        {
            var (kind, ai, bi) = script[k];
            var line = kind == '+' ? b[bi] : a[ai];
            var lastOfItsFile = kind == '+' ? bi == b.Count - 1 : ai == a.Count - 1;
            var content = line.EndsWith("\n", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;
            sb.Append(kind).Append(safe ? Text.TerminalText.Escape(content) : content).Append('\n');
            if (lastOfItsFile && !line.EndsWith("\n", StringComparison.Ordinal))
            {
                sb.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) => count switch
    {
        0 => start.ToString(CultureInfo.InvariantCulture) + ",0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => (start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The lines of a text, each with its '\n' (the last one may have none).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    /// <summary>
    /// The shortest edit script from <paramref name="a"/> to <paramref name="b"/> (Myers, 1986):
    /// each entry an unchanged (' '), removed ('-') or added ('+') line with its index in a and b
    /// (for a removal, the index in b where the next line goes; for an addition, likewise in a).
    /// The common head and tail are matched first, so a fix's few changed lines cost little.
    /// </summary>
    private static List<(char Kind, int A, int B)> Edits(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && string.Equals(a[head], b[head], StringComparison.Ordinal))
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && string.Equals(a[a.Count - 1 - tail], b[b.Count - 1 - tail], StringComparison.Ordinal))
        {
            tail++;
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        var max = n + m;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[k - 1 + max + 1] < v[k + 1 + max + 1]) ? v[k + 1 + max + 1] : v[k - 1 + max + 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[head + x], b[head + y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[k + max + 1] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        // Walk back through the trace, from the end to the start.
        var reversed = new List<(char, int, int)>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0 && (cx > 0 || cy > 0); d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            int previousK;
            if (d == 0)
            {
                previousK = k;
            }
            else
            {
                previousK = k == -d || (k != d && vd[k - 1 + max + 1] < vd[k + 1 + max + 1]) ? k + 1 : k - 1;
            }

            var px = d == 0 ? 0 : vd[previousK + max + 1];
            var py = px - previousK;
            while (cx > px && cy > py)
            {
                cx--;
                cy--;
                reversed.Add((' ', head + cx, head + cy));
            }

            if (d > 0)
            {
                if (cx == px)
                {
                    cy--;
                    reversed.Add(('+', head + cx, head + cy));
                }
                else
                {
                    cx--;
                    reversed.Add(('-', head + cx, head + cy));
                }
            }
        }

        var script = new List<(char Kind, int A, int B)>(a.Count + m);
        for (var i = 0; i < head; i++)
        {
            script.Add((' ', i, i));
        }

        for (var i = reversed.Count - 1; i >= 0; i--)
        {
            script.Add(reversed[i]);
        }

        for (var i = 0; i < tail; i++)
        {
            script.Add((' ', a.Count - tail + i, b.Count - tail + i));
        }

        return script;
    }
}
