using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SoulAtlas.Lint.Corpus;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// The typed knowledge graph as text for people and tools: Graphviz DOT, Mermaid or JSON — the whole
/// corpus, or the souls within a number of links of one soul. Nodes are sorted by slug and edges by
/// source, target and type, so two runs over one corpus print the same bytes.
/// </summary>
public static class GraphFormatter
{
    public static readonly IReadOnlyList<string> Formats = new[] { "dot", "json", "mermaid" };

    /// <summary>Prints <paramref name="graph"/>, or with <paramref name="around"/> the souls within <paramref name="depth"/> links of it.</summary>
    /// <exception cref="ArgumentException">The format is unknown, or <paramref name="around"/> names no soul of the graph.</exception>
    public static string Format(RelationGraph graph, string format, string? around = null, int depth = 1)
    {
        IReadOnlyList<string> slugs;
        if (around is null)
        {
            slugs = graph.Slugs;
        }
        else if (!graph.Contains(around))
        {
            throw new ArgumentException($"--around {around}: no occupation of the corpus has this slug", nameof(around));
        }
        else
        {
            slugs = graph.Around(around, depth);
        }

        var nodes = slugs.OrderBy(s => s, StringComparer.Ordinal).ToList();
        var members = new HashSet<string>(nodes, StringComparer.Ordinal);
        var edges = nodes
            .SelectMany(graph.EdgesFrom)
            .Where(e => members.Contains(e.To))
            .Distinct()
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ThenBy(e => e.Type, StringComparer.Ordinal)
            .ToList();
        return format switch
        {
            "dot" => Dot(graph, nodes, edges),
            "mermaid" => Mermaid(graph, nodes, edges),
            "json" => Json(graph, nodes, edges),
            _ => throw new ArgumentException($"unknown graph format {format}; use dot, json or mermaid", nameof(format)),
        };
    }

    private static string Dot(RelationGraph graph, List<string> nodes, List<GraphEdge> edges)
    {
        var text = new StringBuilder("digraph souls {\n  node [shape=box];\n");
        foreach (var slug in nodes)
        {
            text.Append("  ").Append(DotString(slug)).Append(" [label=").Append(DotString(graph.TitleOf(slug) ?? slug)).Append("];\n");
        }

        foreach (var edge in edges)
        {
            text.Append("  ").Append(DotString(edge.From)).Append(" -> ").Append(DotString(edge.To)).Append(" [label=").Append(DotString(edge.Type)).Append("];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string DotString(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static string Mermaid(RelationGraph graph, List<string> nodes, List<GraphEdge> edges)
    {
        // Mermaid ids are plain words; slugs may hold characters it reads as syntax, so nodes are numbered.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder("graph LR\n");
        foreach (var slug in nodes)
        {
            var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids.Add(slug, id);
            text.Append("  ").Append(id).Append("[\"").Append(MermaidText(graph.TitleOf(slug) ?? slug)).Append("<br/>").Append(MermaidText(slug)).Append("\"]\n");
        }

        foreach (var edge in edges)
        {
            text.Append("  ").Append(ids[edge.From]).Append(" -->|").Append(edge.Type).Append("| ").Append(ids[edge.To]).Append('\n');
        }

        return text.ToString();
    }

    private static string MermaidText(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '#' => "#35;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    private static string Json(RelationGraph graph, List<string> nodes, List<GraphEdge> edges)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonFormatter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("nodes");
            foreach (var slug in nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("slug", slug);
                if (graph.TitleOf(slug) is { } title)
                {
                    writer.WriteString("title", title);
                }
                else
                {
                    writer.WriteNull("title");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("edges");
            foreach (var edge in edges)
            {
                writer.WriteStartObject();
                writer.WriteString("from", edge.From);
                writer.WriteString("to", edge.To);
                writer.WriteString("type", edge.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
