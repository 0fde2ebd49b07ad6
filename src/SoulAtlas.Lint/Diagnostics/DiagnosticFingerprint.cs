using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>
/// Identifies a problem by what it points at rather than where: the rule, the file and the text
/// around the offending column. Lines inserted or removed elsewhere do not change it, so baselines
/// and SARIF fingerprints survive unrelated edits.
/// </summary>
public static class DiagnosticFingerprint
{
    private const int Before = 40;
    private const int After = 80;

    /// <summary>The text a fingerprint is taken over: the offending line, or a window of it when the line is long (minified records).</summary>
    public static string ContextOf(Diagnostic diagnostic)
    {
        var line = diagnostic.Source?.GetLineText(diagnostic.Line) ?? string.Empty;
        if (line.Length <= Before + After)
        {
            return line.Trim();
        }

        var column = Math.Min(Math.Max(diagnostic.Column - 1, 0), line.Length);
        var start = Math.Max(0, column - Before);
        var end = Math.Min(line.Length, column + After);
        return line.Substring(start, end - start);
    }

    /// <summary>A hex SHA-256 of rule, file and context.</summary>
    public static string Hash(Diagnostic diagnostic)
    {
        var text = diagnostic.RuleId + "\n" + diagnostic.File + "\n" + ContextOf(diagnostic);
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            sb.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Fingerprints for a sorted list, with an occurrence number when identical contexts repeat.</summary>
    public static IReadOnlyList<string> ForAll(IReadOnlyList<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[diagnostics.Count];
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var hash = Hash(diagnostics[i]);
            seen.TryGetValue(hash, out var n);
            seen[hash] = n + 1;
            result[i] = hash + ":" + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }
}
