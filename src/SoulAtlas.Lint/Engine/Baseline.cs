using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Engine;

/// <summary>The baseline file cannot be used: exit 2.</summary>
public sealed class BaselineException : Exception
{
    public BaselineException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Gradual adoption, like ESLint's suppressions file: <c>--write-baseline</c> records today's
/// problems as (rule, file, fingerprint of the offending text, count), and <c>--baseline</c> reports
/// only what is not recorded. The fingerprint is taken over content, not line numbers, so edits
/// elsewhere in a file do not resurrect baselined problems; fixing one lowers its count for good.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<(string RuleId, string File, string Hash), int> _counts;

    private Baseline(Dictionary<(string, string, string), int> counts)
    {
        _counts = counts;
    }

    public int Count => _counts.Values.Sum();

    public static Baseline From(IEnumerable<Diagnostic> diagnostics)
    {
        var counts = new Dictionary<(string, string, string), int>();
        foreach (var d in diagnostics)
        {
            var key = (d.RuleId, d.File, DiagnosticFingerprint.Hash(d));
            counts.TryGetValue(key, out var n);
            counts[key] = n + 1;
        }

        return new Baseline(counts);
    }

    /// <summary>A baseline from a file's bytes; <paramref name="name"/> names the file in a message.</summary>
    /// <exception cref="BaselineException">The content is not a baseline.</exception>
    public static Baseline Parse(byte[] content, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var counts = new Dictionary<(string, string, string), int>();
            foreach (var entry in document.RootElement.GetProperty("suppressions").EnumerateArray())
            {
                var key = (entry.GetProperty("ruleId").GetString()!, entry.GetProperty("file").GetString()!, entry.GetProperty("hash").GetString()!);
                counts[key] = entry.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
            }

            return new Baseline(counts);
        }
        catch (JsonException ex)
        {
            throw new BaselineException($"baseline {name} is not JSON ({ex.Message}); write one with --write-baseline");
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new BaselineException($"baseline {name} is not a soul-lint baseline: expected an object whose \"suppressions\" list has entries with \"ruleId\", \"file\", \"hash\" and \"count\", as --write-baseline writes them");
        }
    }

    /// <summary>The diagnostics not covered by the baseline, and how many were covered.</summary>
    public (List<Diagnostic> Kept, int Suppressed) Apply(IEnumerable<Diagnostic> diagnostics)
    {
        var remaining = new Dictionary<(string, string, string), int>(_counts);
        var kept = new List<Diagnostic>();
        var suppressed = 0;
        foreach (var d in diagnostics)
        {
            var key = (d.RuleId, d.File, DiagnosticFingerprint.Hash(d));
            if (remaining.TryGetValue(key, out var n) && n > 0)
            {
                remaining[key] = n - 1;
                suppressed++;
            }
            else
            {
                kept.Add(d);
            }
        }

        return (kept, suppressed);
    }

    /// <summary>The baseline file's text.</summary>
    public string ToText(string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "soul-lint");
            w.WriteString("version", toolVersion);
            w.WriteStartArray("suppressions");
            foreach (var pair in _counts.OrderBy(p => p.Key.File, StringComparer.Ordinal).ThenBy(p => p.Key.RuleId, StringComparer.Ordinal).ThenBy(p => p.Key.Hash, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("ruleId", pair.Key.RuleId);
                w.WriteString("file", pair.Key.File);
                w.WriteString("hash", pair.Key.Hash);
                w.WriteNumber("count", pair.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
