using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Random graphs: a random acyclic graph of one checked type, noise of the other types (mutual
/// progressions among them), and planted cycles. A brute-force oracle (does the target reach the
/// source?) says which entries lie on a cycle.
/// </summary>
public sealed class GraphPropertyTests
{
    private static readonly string[] Noise = { "progression", "related", "adjacent", "collaboration" };

    /// <summary>A random corpus: each soul's related[] entries (slug index, type) and the planted cycles.</summary>
    private sealed record RandomGraph(string Type, List<(int To, string Type)>[] Related, List<int[]> Planted)
    {
        public int Count => Related.Length;

        public static string Slug(int i) => "soul-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

        public override string ToString() =>
            Type + ": " + string.Join("; ", Related.Select((r, i) => i + "→" + string.Join(",", r.Select(e => e.To + ":" + e.Type[0]))));
    }

    private static readonly Gen<RandomGraph> Graphs =
        Gen.Select(Gen.Int[2, 40], Gen.Int, Gen.Int[0, 4], Gen.Bool).Select((n, seed, cycles, prerequisite) => Build(n, seed, cycles, prerequisite ? "prerequisite" : "specialization"));

    private static RandomGraph Build(int n, int seed, int cycles, string type)
    {
        var random = new Random(seed);
        var related = Enumerable.Range(0, n).Select(_ => new List<(int, string)>()).ToArray();

        // Acyclic: edges of the checked type only go from a lower rank to a higher one.
        var rank = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        for (var e = random.Next(0, 3 * n); e > 0; e--)
        {
            int a = random.Next(n), b = random.Next(n);
            if (rank[a] < rank[b])
            {
                related[a].Add((b, type));
            }
        }

        // Noise that must never count: other types, in both directions (2-cycles of progression among them).
        for (var e = random.Next(0, 2 * n); e > 0; e--)
        {
            int a = random.Next(n), b = random.Next(n);
            var noise = Noise[random.Next(Noise.Length)];
            if (a != b)
            {
                related[a].Add((b, noise));
                related[b].Add((a, noise));
            }
        }

        // Planted cycles on disjoint souls.
        var free = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToList();
        var planted = new List<int[]>();
        for (var c = 0; c < cycles; c++)
        {
            var length = random.Next(2, 6);
            if (free.Count < length)
            {
                break;
            }

            var cycle = free.Take(length).ToArray();
            free.RemoveRange(0, length);
            for (var i = 0; i < length; i++)
            {
                related[cycle[i]].Add((cycle[(i + 1) % length], type));
            }

            planted.Add(cycle);
        }

        return new RandomGraph(type, related, planted);
    }

    private static RelationGraph GraphOf(RandomGraph g) => new(Enumerable.Range(0, g.Count)
        .Select(i => new CorpusEntry(DocumentForm.Source, "/c/" + RandomGraph.Slug(i), RandomGraph.Slug(i), RandomGraph.Slug(i), null, Array.Empty<string>(), g.Related[i].Select(r => RandomGraph.Slug(r.To)).ToList())
        {
            Relations = g.Related[i].Select(r => new TypedRelation(RandomGraph.Slug(r.To), r.Type)).ToList(),
        })
        .ToList());

    /// <summary>Shortest number of edges of the checked type from <paramref name="from"/> to <paramref name="to"/>, or -1.</summary>
    private static int Distance(RandomGraph g, int from, int to)
    {
        var distance = new Dictionary<int, int> { [from] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (v == to)
            {
                return distance[v];
            }

            foreach (var (w, type) in g.Related[v])
            {
                if (type == g.Type && !distance.ContainsKey(w))
                {
                    distance[w] = distance[v] + 1;
                    queue.Enqueue(w);
                }
            }
        }

        return -1;
    }

    private static bool OnCycleByOracle(RandomGraph g, int from, int to) => from != to && Distance(g, to, from) >= 0;

    [Fact]
    public void An_edge_is_on_a_cycle_exactly_when_its_target_reaches_back_and_the_cycle_named_is_a_shortest_one()
    {
        Graphs.Sample(g =>
        {
            var graph = GraphOf(g);
            for (var u = 0; u < g.Count; u++)
            {
                foreach (var (v, type) in g.Related[u])
                {
                    var expected = type == g.Type && OnCycleByOracle(g, u, v);
                    Assert.Equal(expected, graph.OnCycle(type, RandomGraph.Slug(u), RandomGraph.Slug(v)));
                    if (!expected)
                    {
                        Assert.Null(graph.CycleThrough(type, RandomGraph.Slug(u), RandomGraph.Slug(v)));
                        continue;
                    }

                    var cycle = graph.CycleThrough(type, RandomGraph.Slug(u), RandomGraph.Slug(v))!;
                    Assert.Equal(RandomGraph.Slug(u), cycle[0]);
                    Assert.Equal(RandomGraph.Slug(v), cycle[1]);
                    Assert.Equal(RandomGraph.Slug(u), cycle[^1]);
                    Assert.Equal(cycle.Count - 1, cycle.Distinct(StringComparer.Ordinal).Count());
                    Assert.Equal(1 + Distance(g, v, u), cycle.Count - 1);
                    for (var i = 0; i + 1 < cycle.Count; i++)
                    {
                        Assert.Contains(type, graph.TypesBetween(cycle[i], cycle[i + 1]));
                    }
                }
            }

            foreach (var planted in g.Planted)
            {
                for (var i = 0; i < planted.Length; i++)
                {
                    Assert.True(graph.OnCycle(g.Type, RandomGraph.Slug(planted[i]), RandomGraph.Slug(planted[(i + 1) % planted.Length])));
                }
            }

            if (g.Planted.Count == 0)
            {
                Assert.Empty(graph.CycleGroupSizes(g.Type));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Through_the_engine_every_entry_on_a_cycle_is_reported_once_and_acyclic_graphs_report_nothing()
    {
        var engine = new LintEngine();
        Graphs.Sample(g =>
        {
            var documents = new List<ContentFile>();
            for (var i = 0; i < g.Count; i++)
            {
                var slug = RandomGraph.Slug(i);
                var yaml = new StringBuilder($"title: 'Soul {i}'\nslug: '{slug}'\nrelated:\n");
                foreach (var (to, type) in g.Related[i])
                {
                    yaml.Append($"  - {{ slug: '{RandomGraph.Slug(to)}', type: '{type}' }}\n");
                }

                documents.Add(ContentFile.FromText($"/c/souls/{slug}/metadata.yaml", yaml.ToString()));
                documents.Add(ContentFile.FromText($"/c/souls/{slug}/SOUL.md", $"# Soul {i}\n"));
            }

            var rule = g.Type == "specialization" ? RuleCatalogue.SpecializationCycle : RuleCatalogue.PrerequisiteCycle;
            var result = engine.Lint(new LintRequest(documents, new LintSettings { Today = Lint.Today }) { BaseDirectory = "/c" });
            var reported = result.Diagnostics.Where(d => d.Rule == rule).Select(d => $"{d.Slug}:{d.Line}").ToList();

            // The entry of soul u for its k-th related item stands on line 4 + k.
            var expected = new List<string>();
            for (var u = 0; u < g.Count; u++)
            {
                for (var k = 0; k < g.Related[u].Count; k++)
                {
                    var (v, type) = g.Related[u][k];
                    if (type == g.Type && OnCycleByOracle(g, u, v))
                    {
                        expected.Add($"{RandomGraph.Slug(u)}:{4 + k}");
                    }
                }
            }

            Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), reported.OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(reported.Count, reported.Distinct(StringComparer.Ordinal).Count());
            Assert.True(g.Planted.Count > 0 || reported.Count == 0);
            foreach (var planted in g.Planted)
            {
                Assert.Contains(reported, r => r.StartsWith(RandomGraph.Slug(planted[0]) + ":", StringComparison.Ordinal));
            }
        }, iter: 60);
    }
}
