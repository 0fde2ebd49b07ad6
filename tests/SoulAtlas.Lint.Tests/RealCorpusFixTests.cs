using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The real authored corpus (../shared/corpus/soul-atlas) with defects put in whose repair is
/// exactly their undoing: --fix must give back every file byte for byte.
/// </summary>
public sealed class RealCorpusFixTests
{
    private static string Corpus => Path.Combine(TestPaths.Shared, "corpus", "soul-atlas");

    [RealCorpusFact]
    public void Fix_restores_every_file_of_the_real_corpus_after_fixable_defects_are_put_in()
    {
        using var copy = new TempFolder();
        copy.CopyTree(Path.Combine(Corpus, "souls"), "souls");
        copy.CopyTree(Path.Combine(Corpus, "mirrored"), "mirrored");
        foreach (var file in Directory.GetFiles(copy.Path, "*", SearchOption.AllDirectories))
        {
            // The shared corpus may be read-only; its copy is for writing.
            File.SetAttributes(file, FileAttributes.Normal);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        // The corpus as --fix leaves it is the original: a fix run on it changes nothing more.
        var (first, _, firstErrors) = CliHarness.Run(copy.Path, "--fix", "--today", "2026-11-24", "--format", "json");
        Assert.True(first is 0 or 1, firstErrors);
        Assert.DoesNotContain("not fixed", firstErrors, StringComparison.Ordinal);
        var original = Snapshot(copy.Path);
        var (clean, cleanDiff, _) = CliHarness.Run(copy.Path, "--fix-dry-run", "--today", "2026-11-24");
        Assert.True(clean == 0, cleanDiff);

        var injected = Inject(copy.Path, new Random(20260701));
        Assert.All(new[] { "bom", "sections", "duplicate", "self", "slug", "date", "tilde" }, kind => Assert.True(injected.ContainsKey(kind), "no file took a defect of kind " + kind));
        var touched = injected.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(touched.Count > 100, $"only {touched.Count} files were changed");

        var (dry, diff, _) = CliHarness.Run(copy.Path, "--fix-dry-run", "--today", "2026-11-24");
        Assert.Equal(1, dry);
        var diffed = Regex.Matches(diff, "^\\+\\+\\+ b/(.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(touched.OrderBy(p => p, StringComparer.Ordinal), diffed.OrderBy(p => p, StringComparer.Ordinal));

        var (exit, _, stderr) = CliHarness.Run(copy.Path, "--fix", "--today", "2026-11-24");
        Assert.True(exit is 0 or 1, stderr);
        Assert.DoesNotContain("not fixed", stderr, StringComparison.Ordinal);
        var restored = Snapshot(copy.Path);
        var different = original.Keys.Where(k => !restored.TryGetValue(k, out var bytes) || !bytes.SequenceEqual(original[k])).ToList();
        Assert.True(different.Count == 0, "not restored: " + string.Join(", ", different.Take(20)) + (different.Count > 0 ? "\n" + Describe(original[different[0]], restored[different[0]]) : string.Empty));
        Assert.Equal(original.Count, restored.Count);
    }

    /// <summary>Puts defects in, each kind in its own share of the souls (a file may take several); returns the files each kind changed.</summary>
    private static Dictionary<string, List<string>> Inject(string root, Random random)
    {
        var changed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Note(string kind, string path) =>
            (changed.TryGetValue(kind, out var list) ? list : changed[kind] = new List<string>()).Add(Path.GetRelativePath(root, path).Replace('\\', '/'));

        var sections = Lint.Contract.Sections;
        foreach (var folder in Directory.GetDirectories(Path.Combine(root, "souls")).OrderBy(d => d, StringComparer.Ordinal))
        {
            var slug = Path.GetFileName(folder);
            var yamlPath = Path.Combine(folder, "metadata.yaml");
            var bodyPath = Path.Combine(folder, "SOUL.md");
            var newYaml = File.ReadAllText(yamlPath);
            var newBody = File.ReadAllText(bodyPath);

            if (random.Next(6) == 0 && SwapTwoSections(newBody, sections, random) is { } swapped)
            {
                newBody = swapped;
                Note("sections", bodyPath);
            }

            if (newBody.Contains("\\~", StringComparison.Ordinal))
            {
                // Where the repaired file writes \~ for a pair of tildes, the tildes are put back bare.
                var lines = newBody.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var count = Regex.Matches(lines[i], @"\\~").Count;
                    if (count >= 2 && count % 2 == 0)
                    {
                        lines[i] = lines[i].Replace("\\~", "~", StringComparison.Ordinal);
                    }
                }

                var bare = string.Join("\n", lines);
                if (bare != newBody)
                {
                    newBody = bare;
                    Note("tilde", bodyPath);
                }
            }

            if (random.Next(6) == 0 && RelatedItems(newYaml).Where(i => Regex.Matches(newYaml, Regex.Escape(SlugOf(newYaml, i))).Count == 1).ToList() is { Count: > 0 } items)
            {
                // A copy, at the end of the list, of an entry whose slug the list names once.
                var (start, end) = items[random.Next(items.Count)];
                var last = RelatedItems(newYaml)[^1].End;
                newYaml = newYaml.Insert(last, newYaml.Substring(start, end - start));
                Note("duplicate", yamlPath);
            }

            if (random.Next(6) == 0 && RelatedItems(newYaml) is { Count: > 0 } entries)
            {
                // The first entry again, naming this soul.
                var (start, end) = entries[0];
                var entry = Regex.Replace(newYaml.Substring(start, end - start), @"slug: (['""]?)[a-z0-9-]+\1", m => "slug: " + m.Groups[1].Value + slug + m.Groups[1].Value);
                newYaml = newYaml.Insert(entries[^1].End, entry);
                Note("self", yamlPath);
            }

            if (random.Next(6) == 0)
            {
                var wrong = Regex.Replace(newYaml, @"^slug: (['""]?)([a-z0-9-]+)\1$", m => "slug: " + m.Groups[1].Value + m.Groups[2].Value + "s" + m.Groups[1].Value, RegexOptions.Multiline);
                if (wrong != newYaml)
                {
                    newYaml = wrong;
                    Note("slug", yamlPath);
                }
            }

            if (random.Next(6) == 0)
            {
                var unquoted = Regex.Replace(newYaml, @"^(created|updated): '([0-9]{4}-[0-9]{2}-[0-9]{2})'$", "$1: $2", RegexOptions.Multiline);
                if (unquoted != newYaml)
                {
                    newYaml = unquoted;
                    Note("date", yamlPath);
                }
            }

            var bomOnYaml = random.Next(12) == 0;
            var bomOnBody = random.Next(12) == 0;
            Write(yamlPath, newYaml, bomOnYaml);
            Write(bodyPath, newBody, bomOnBody);
            if (bomOnYaml)
            {
                Note("bom", yamlPath);
            }

            if (bomOnBody)
            {
                Note("bom", bodyPath);
            }
        }

        return changed;
    }

    /// <summary>The <c>slug: …</c> text of an entry, as written.</summary>
    private static string SlugOf(string yaml, (int Start, int End) item) =>
        Regex.Match(yaml.Substring(item.Start, item.End - item.Start), @"slug: (['""]?)[a-z0-9-]+\1").Value;

    private static void Write(string path, string text, bool bom) =>
        File.WriteAllBytes(path, (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>()).Concat(new UTF8Encoding(false).GetBytes(text)).ToArray());

    /// <summary>
    /// Two neighbouring canonical sections swapped (each its <c>## </c> line and the lines up to
    /// the next), where the file has its title first and no repeated heading; null where not.
    /// </summary>
    private static string? SwapTwoSections(string body, Contract.SectionList list, Random random)
    {
        var lines = body.Split('\n').Select((l, i) => (Line: l, Index: i)).ToList();
        var headings = lines.Where(l => Regex.IsMatch(l.Line, @"^##[ \t]")).ToList();
        if (!body.StartsWith("# ", StringComparison.Ordinal) || !body.EndsWith("\n", StringComparison.Ordinal) || body.Contains("soul-lint-disable", StringComparison.Ordinal)
            || headings.Select(h => h.Line.Trim()).Distinct(StringComparer.Ordinal).Count() != headings.Count)
        {
            return null;
        }

        var pairs = Enumerable.Range(0, headings.Count - 1)
            .Where(i => list.Find(headings[i].Line[3..].Trim()) is not null && list.Find(headings[i + 1].Line[3..].Trim()) is not null)
            .ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var k = pairs[random.Next(pairs.Count)];
        var all = body.Split('\n').ToList();
        int Start(int h) => headings[h].Index;
        int End(int h) => h + 1 < headings.Count ? headings[h + 1].Index : all.Count - 1;
        var a = all.GetRange(Start(k), End(k) - Start(k));
        var b = all.GetRange(Start(k + 1), End(k + 1) - Start(k + 1));
        var result = all.Take(Start(k)).Concat(b).Concat(a).Concat(all.Skip(End(k + 1)));
        return string.Join("\n", result);
    }

    /// <summary>Where each entry of a block <c>related:</c> list stands: from its "  - " line to the start of the next entry's line or the end of the list.</summary>
    private static List<(int Start, int End)> RelatedItems(string yaml)
    {
        var items = new List<(int Start, int End)>();
        var at = yaml.IndexOf("\nrelated:\n", StringComparison.Ordinal);
        if (at < 0)
        {
            return items;
        }

        var position = at + "\nrelated:\n".Length;
        var start = -1;
        while (position < yaml.Length && yaml[position] == ' ')
        {
            var lineEnd = yaml.IndexOf('\n', position);
            lineEnd = lineEnd < 0 ? yaml.Length : lineEnd + 1;
            if (string.CompareOrdinal(yaml, position, "  - ", 0, 4) == 0)
            {
                if (start >= 0)
                {
                    items.Add((start, position));
                }

                start = position;
            }

            position = lineEnd;
        }

        if (start >= 0)
        {
            items.Add((start, position));
        }

        return items;
    }

    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static string Describe(byte[] expected, byte[] actual) =>
        "--- expected\n" + Encoding.UTF8.GetString(expected) + "\n--- actual\n" + Encoding.UTF8.GetString(actual);
}

/// <summary>A fact that needs the real authored corpus in ../shared/corpus/soul-atlas, skipped with the reason where it is absent.</summary>
public sealed class RealCorpusFactAttribute : FactAttribute
{
    public RealCorpusFactAttribute()
    {
        if (!Directory.Exists(Path.Combine(TestPaths.Shared, "corpus", "soul-atlas", "souls")))
        {
            Skip = "the real corpus (../shared/corpus/soul-atlas) is not beside this checkout";
        }
    }
}
