using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Hostile;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Benchmarks;

/// <summary>
/// How each rule's time grows with its input: every hostile pattern is written into a section of a
/// record (its markdown, and its stored html) at a base size and at ten times that size, and the
/// loader, the computed metadata, the Markdown parse and every rule are timed on both (the best of
/// a few runs). A linear path costs about ten times as much at ten times the size; the report lists
/// each rule's worst ratio over all patterns. <c>dotnet run -c Release -- scaling [base-KB] [pattern…]</c>.
/// </summary>
public static class Scaling
{
    private static readonly string[] Patterns =
    {
        "a~b ", "~", "~a~ ", "~~a ", "[a](", "[", "[a]", "![a](", "](", "*a ", "**a ", "_a ", "*", "a*b ", "<a ", "<", "<a href=x ", "<!--",
        " on1=x", "`", "``a ", "> ", "- ", "&#106;", "&", "http://a.b ", "www.a.b ", "<https://a.b> ", "\\", "[x]: /a\n", "[x]: /a \"", "### h\n",
        "|a", "a\n", "at the end of the day `x` ", "*a **b ", "<b>x</b> ", "<div>", "[x](javascript:a) ", "[x](/souls/nope) ", "[x](#nope) ",
        "<b onclick=x>y</b> ", "<svg><a xlink:href=\"javascript:x\">", "<a title='>' onclick=x>", "word ",
    };

    private const int Runs = 3;

    public static void Run(string[] args)
    {
        var baseChars = args.Length > 1 && int.TryParse(args[1], out var kb) ? kb * 1024 : 20 * 1024;
        var record = File.ReadAllText(Path.Combine(FindFixtures(), "corpus", "api", "souls", "deckhand.json"));
        var stages = new[] { "load", "compute", "markdown parse" }.Concat(RuleSet.DocumentRules.Select(r => r.Descriptor.Name)).ToList();
        var worst = stages.ToDictionary(s => s, _ => (Pattern: "-", Small: 0.0, Large: 0.0, Ratio: 0.0));
        Console.WriteLine($"base size {baseChars / 1024} KB of markdown and of stored html per pattern, ×10 for the large input; best of {Runs} runs");

        // Warm up every path once.
        Measure(record, "warm *a* [b](c) ~d~", 64);

        // Patterns named after the size limit only those (e.g. `scaling 20 "<a "`).
        var only = args.Skip(2).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in Patterns.Where(p => only.Count == 0 || only.Contains(p)))
        {
            var small = Measure(record, pattern, baseChars);
            var large = Measure(record, pattern, baseChars * 10);
            foreach (var stage in stages)
            {
                var (s, l) = (small.GetValueOrDefault(stage), large.GetValueOrDefault(stage));

                // Below a millisecond at the large size the ratio is noise.
                var ratio = l < 1 ? 0 : l / Math.Max(s, 0.05);
                if (ratio > worst[stage].Ratio)
                {
                    worst[stage] = (pattern, s, l, ratio);
                }
            }

            var slowest = stages.OrderByDescending(st => large.GetValueOrDefault(st)).First();
            Console.WriteLine($"  {Show(pattern),-28} slowest {slowest,-16} {small.GetValueOrDefault(slowest),9:F1} ms → {large.GetValueOrDefault(slowest),9:F1} ms");
        }

        Console.WriteLine();
        Console.WriteLine("| stage | worst pattern | base | ×10 | ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var stage in stages)
        {
            var w = worst[stage];
            Console.WriteLine($"| {stage} | `{Show(w.Pattern)}` | {w.Small:F2} ms | {w.Large:F2} ms | {(w.Ratio == 0 ? "< 1 ms" : w.Ratio.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "×")} |");
        }

        if (only.Count == 0)
        {
            Yaml(baseChars);
        }
    }

    /// <summary>Milliseconds per stage for one input: the pattern repeated to <paramref name="chars"/> characters.</summary>
    private static Dictionary<string, double> Measure(string recordJson, string pattern, int chars)
    {
        var body = string.Concat(Enumerable.Repeat(pattern, Math.Max(1, chars / pattern.Length)));
        var record = JObject.Parse(recordJson);
        record["sections"]![0]!["markdown"] = body;
        record["sections"]![0]!["html"] = "<h2 id=\"purpose\">Purpose</h2>\n<p>" + body + "</p>\n";
        var bytes = Encoding.UTF8.GetBytes(record.ToString(Newtonsoft.Json.Formatting.None));
        var times = new Dictionary<string, double>();
        void Keep(string stage, double ms) => times[stage] = times.TryGetValue(stage, out var t) ? Math.Min(t, ms) : ms;

        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var unit = HostileHarness.LoadRecord(bytes, slug: "deckhand");
            Keep("load", clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            unit.Prepare();
            Keep("compute", clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            foreach (var section in unit.Loaded.Document!.Sections)
            {
                _ = section.Syntax;
            }

            Keep("markdown parse", clock.Elapsed.TotalMilliseconds);
            foreach (var rule in RuleSet.DocumentRules)
            {
                clock.Restart();
                unit.Run(rule);
                Keep(rule.Descriptor.Name, clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    /// <summary>The YAML reader on a long flow list, many keys, and anchors with aliases.</summary>
    private static void Yaml(int baseChars)
    {
        Console.WriteLine();
        Console.WriteLine("| metadata.yaml | base | ×10 | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        var shapes = new (string Name, Func<int, string> Make)[]
        {
            ("flow list", n => "tags: [" + string.Join(", ", Enumerable.Range(0, n).Select(i => "t" + i)) + "]\n"),
            ("keys", n => string.Concat(Enumerable.Range(0, n).Select(i => $"k{i}: v\n"))),
            ("aliases", n => "a: &a [x, y]\nb: [" + string.Join(", ", Enumerable.Repeat("*a", n)) + "]\n"),
            ("nested complex keys", n => string.Concat(Enumerable.Repeat("? ", Math.Min(n, 60))) + "a\n"),
        };
        foreach (var (name, make) in shapes)
        {
            double Time(int n)
            {
                var file = new Text.SourceFile("/m.yaml", "m.yaml", make(n));
                var best = double.MaxValue;
                for (var run = 0; run < Runs; run++)
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        YamlTreeReader.Read(file, 64, LoadLimits.YamlNodesCeiling);
                    }
                    catch (YamlSyntaxProblem)
                    {
                    }

                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                }

                return best;
            }

            var n0 = Math.Max(1, baseChars / 16);
            var (s, l) = (Time(n0 / 10), Time(n0));
            Console.WriteLine($"| {name} | {s:F2} ms | {l:F2} ms | {l / Math.Max(s, 0.05):F1}× |");
        }
    }

    private static string Show(string pattern) => pattern.Replace("\n", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static string FindFixtures()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "fixtures");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("fixtures/ not found above " + AppContext.BaseDirectory);
    }
}
