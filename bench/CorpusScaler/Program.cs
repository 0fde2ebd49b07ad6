using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoulAtlas.Lint.Bench.CorpusScaler;

/// <summary>
/// Scales a folder of published records to N occupations for benchmarks, without soul-lint:
/// the base records' graph is closed (related entries to occupations outside the base are
/// dropped, backlinks recomputed within it), then whole copies of the base are made with every
/// slug suffixed (-c2, -c3, …) — slugs, titles, aliases, related, backlinks and citations alike —
/// so each copy is a consistent island and the scaled corpus lints clean. Section text, and so
/// every word count, is unchanged. Output is minified, one record per line, like the site's API.
/// </summary>
public static class Program
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Main(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[2], out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: CorpusScaler <records-folder> <output-folder> <occupations>");
            return 2;
        }

        var baseRecords = Directory.GetFiles(args[0], "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToList();
        Close(baseRecords);

        Directory.CreateDirectory(args[1]);
        var written = 0;
        for (var copy = 1; written < count; copy++)
        {
            var take = Math.Min(baseRecords.Count, count - written);
            var island = baseRecords.Take(take).Select(r => copy == 1 ? r.DeepClone().AsObject() : Rename(r, copy)).ToList();
            if (take < baseRecords.Count)
            {
                // The last, partial copy is closed on its own so that it has no dangling links either.
                Close(island);
            }

            foreach (var record in island)
            {
                File.WriteAllText(Path.Combine(args[1], (string)record["slug"]! + ".json"), record.ToJsonString(Compact));
                written++;
            }
        }

        Console.WriteLine($"wrote {written} records to {args[1]}");
        return 0;
    }

    /// <summary>Drops related entries that leave the base set and recomputes backlinks within it.</summary>
    private static void Close(List<JsonObject> records)
    {
        var slugs = records.Select(r => (string)r["slug"]!).ToHashSet(StringComparer.Ordinal);
        var incoming = slugs.ToDictionary(s => s, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var record in records)
        {
            var slug = (string)record["slug"]!;
            var related = record["metadata"]!["related"]!.AsArray();
            foreach (var entry in related.ToList())
            {
                var target = (string)entry!["slug"]!;
                if (!slugs.Contains(target))
                {
                    related.Remove(entry);
                }
                else if (target != slug)
                {
                    incoming[target].Add(slug);
                }
            }
        }

        foreach (var record in records)
        {
            record["computed"]!["backlinks"] = new JsonArray(incoming[(string)record["slug"]!].Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        }
    }

    private static JsonObject Rename(JsonObject record, int copy)
    {
        var clone = record.DeepClone().AsObject();
        var suffix = "-c" + copy;
        var oldSlug = (string)record["slug"]!;
        var oldTitle = (string)record["title"]!;
        var slug = oldSlug + suffix;
        var title = $"{oldTitle} ({copy})";
        clone["slug"] = slug;
        clone["title"] = title;
        var metadata = clone["metadata"]!.AsObject();
        metadata["slug"] = slug;
        metadata["title"] = title;
        if (metadata["aliases"] is JsonArray aliases)
        {
            metadata["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)JsonValue.Create($"{(string)a!} ({copy})")!).ToArray());
        }

        foreach (var entry in metadata["related"]!.AsArray())
        {
            entry!["slug"] = (string)entry["slug"]! + suffix;
        }

        var computed = clone["computed"]!.AsObject();
        computed["backlinks"] = new JsonArray(computed["backlinks"]!.AsArray().Select(b => (JsonNode)JsonValue.Create((string)b! + suffix)!).ToArray());
        if (clone["citation"] is JsonObject citation)
        {
            foreach (var key in new[] { "apa", "text", "bibtex" })
            {
                if (citation[key] is JsonValue value)
                {
                    citation[key] = ((string)value!)
                        .Replace("/" + oldSlug + "}", "/" + slug + "}", StringComparison.Ordinal)
                        .Replace("soulatlas-" + oldSlug + ",", "soulatlas-" + slug + ",", StringComparison.Ordinal)
                        .Replace("/" + oldSlug + ".", "/" + slug + ".", StringComparison.Ordinal)
                        .Replace(oldTitle, title, StringComparison.Ordinal)
                        + (key == "apa" && ((string)value!).EndsWith("/" + oldSlug, StringComparison.Ordinal) ? suffix : string.Empty);
                }
            }
        }

        return clone;
    }
}
