using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Benchmarks;

/// <summary>
/// The knowledge graph of a synthetic corpus: every soul has ten related entries of mixed types
/// (specializations and prerequisites point one way through a random order, so they are acyclic,
/// except for one planted cycle of two to five souls per thousand souls; progressions and the other
/// types go both ways). Measures building the graph with its cycle groups, and what the graph rules
/// ask of it for every entry of every soul.
/// </summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private static readonly string[] Types = { "related", "specialization", "prerequisite", "adjacent", "collaboration", "progression" };

    private List<CorpusEntry> _entries = new();
    private RelationGraph _graph = null!;

    [Params(5_000, 50_000, 200_000)]
    public int Souls { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        var rank = Enumerable.Range(0, Souls).OrderBy(_ => random.Next()).ToArray();
        var relations = Enumerable.Range(0, Souls).Select(_ => new List<TypedRelation>()).ToArray();
        string Slug(int i) => "soul-" + i;
        for (var a = 0; a < Souls; a++)
        {
            while (relations[a].Count < 10)
            {
                var b = random.Next(Souls);
                var type = Types[random.Next(Types.Length)];
                if (b == a || ((type == "specialization" || type == "prerequisite") && rank[a] > rank[b]))
                {
                    continue;
                }

                relations[a].Add(new TypedRelation(Slug(b), type));
            }
        }

        for (var c = 0; c < Souls / 1000; c++)
        {
            var length = 2 + (c % 4);
            var start = random.Next(Souls);
            var type = c % 2 == 0 ? "specialization" : "prerequisite";
            for (var i = 0; i < length; i++)
            {
                relations[(start + i) % Souls].Add(new TypedRelation(Slug((start + ((i + 1) % length)) % Souls), type));
            }
        }

        _entries = Enumerable.Range(0, Souls)
            .Select(i => new CorpusEntry(DocumentForm.Source, "/c/" + Slug(i), Slug(i), Slug(i), "Soul " + i, Array.Empty<string>(), relations[i].Select(r => r.Slug).ToList()) { Relations = relations[i] })
            .ToList();
        _graph = new RelationGraph(_entries);
        Console.WriteLine($"// {Souls} souls, {_graph.EdgeCount} typed edges; specialization cycle groups {string.Join(",", _graph.CycleGroupSizes("specialization"))}; prerequisite {string.Join(",", _graph.CycleGroupSizes("prerequisite"))}");
    }

    [Benchmark(Description = "build graph + cycle groups")]
    public RelationGraph Build() => new(_entries);

    [Benchmark(Description = "graph rules' questions, every entry")]
    public int CheckEveryEntry()
    {
        var found = 0;
        foreach (var entry in _entries)
        {
            foreach (var relation in entry.Relations)
            {
                if (relation.Type is "specialization" or "prerequisite" && _graph.OnCycle(relation.Type, entry.Slug, relation.Slug))
                {
                    found += _graph.CycleThrough(relation.Type, entry.Slug, relation.Slug)!.Count;
                }

                found += _graph.TypesBetween(relation.Slug, entry.Slug).Count;
            }
        }

        return found;
    }
}
