using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Formatting;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary><c>soul-lint graph</c>: the typed graph as DOT, Mermaid and JSON, whole or around one soul.</summary>
public sealed class GraphCommandTests
{
    private static string Folder => Path.Combine(TestPaths.Fixtures, "rules", "specialization-cycle", "invalid-source");

    private static RelationGraph Chain()
    {
        // a → b → c → d (specialization), d → a (progression), e alone; "x" names no soul.
        CorpusEntry Entry(string slug, params (string To, string Type)[] relations) =>
            new(DocumentForm.Source, "/c/" + slug, slug, slug, "Title \"" + slug + "\"", Array.Empty<string>(), relations.Select(r => r.To).ToList())
            {
                Relations = relations.Select(r => new TypedRelation(r.To, r.Type)).ToList(),
            };

        return new RelationGraph(new[]
        {
            Entry("a", ("b", "specialization"), ("x", "related")),
            Entry("b", ("c", "specialization"), ("b", "related")),
            Entry("c", ("d", "specialization"), ("a", "nonsense")),
            Entry("d", ("a", "progression")),
            Entry("e"),
        });
    }

    [Fact]
    public void Around_follows_typed_links_either_way_up_to_the_depth()
    {
        var graph = Chain();
        Assert.Equal(new[] { "c" }, graph.Around("c", 0));
        Assert.Equal(new[] { "b", "c", "d" }, graph.Around("c", 1).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(new[] { "a", "b", "c", "d" }, graph.Around("c", 2).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(new[] { "e" }, graph.Around("e", 5));
        Assert.Empty(graph.Around("x", 1));
    }

    [Fact]
    public void Dot_and_mermaid_quote_titles_and_label_edges_with_their_type()
    {
        var graph = Chain();
        var dot = GraphFormatter.Format(graph, "dot", "c", 1);
        Assert.Equal(
            "digraph souls {\n  node [shape=box];\n  \"b\" [label=\"Title \\\"b\\\"\"];\n  \"c\" [label=\"Title \\\"c\\\"\"];\n  \"d\" [label=\"Title \\\"d\\\"\"];\n"
            + "  \"b\" -> \"b\" [label=\"related\"];\n  \"b\" -> \"c\" [label=\"specialization\"];\n  \"c\" -> \"d\" [label=\"specialization\"];\n}\n",
            dot);

        var mermaid = GraphFormatter.Format(graph, "mermaid");
        Assert.StartsWith("graph LR\n  n0[\"Title #quot;a#quot;<br/>a\"]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n3 -->|progression| n0\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("nonsense", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_nodes_and_typed_edges_only()
    {
        using var json = JsonDocument.Parse(GraphFormatter.Format(Chain(), "json"));
        Assert.Equal(5, json.RootElement.GetProperty("nodes").GetArrayLength());
        var edges = json.RootElement.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("type").GetString()}")
            .ToArray();
        Assert.Equal(new[] { "a>b:specialization", "b>b:related", "b>c:specialization", "c>d:specialization", "d>a:progression" }, edges);
    }

    [Fact]
    public void The_command_prints_the_corpus_graph_around_a_soul()
    {
        var (exit, stdout, stderr) = CliHarness.Run(Folder, "graph", "--format", "json", "--around", "physician", "--depth", "1");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(
            new[] { "physician", "psychiatrist", "surgeon" },
            json.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()));
        Assert.Equal(4, json.RootElement.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public void An_unknown_soul_or_format_is_a_usage_error()
    {
        var (exit, _, stderr) = CliHarness.Run(Folder, "graph", "--around", "physican");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean physician?", stderr, StringComparison.Ordinal);
        Assert.Equal(2, CliHarness.Run(Folder, "graph", "--format", "svg").ExitCode);
        Assert.Equal(2, CliHarness.Run(Folder, "graph", "--around", "physician", "--depth", "-1").ExitCode);
    }
}
