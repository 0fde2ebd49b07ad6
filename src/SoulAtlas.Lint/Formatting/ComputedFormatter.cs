using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using SoulAtlas.Lint.Computation;

namespace SoulAtlas.Lint.Formatting;

/// <summary>Writes recomputed metadata in the shape of a record's <c>computed</c> block, plus the sections.</summary>
public static class ComputedFormatter
{
    public static string Format(IReadOnlyList<ComputedMetadata> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonFormatter.WriterOptions))
        {
            if (items.Count == 1)
            {
                Write(writer, items[0]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter writer, ComputedMetadata c)
    {
        writer.WriteStartObject();
        writer.WriteString("slug", c.Slug);
        writer.WriteStartObject("computed");
        writer.WriteNumber("wordCount", c.WordCount);
        writer.WriteNumber("readingTimeMinutes", c.ReadingTimeMinutes);
        writer.WriteNumber("completeness", c.Completeness);
        writer.WriteStartArray("backlinks");
        foreach (var slug in c.Backlinks)
        {
            writer.WriteStringValue(slug);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("verified", c.Verified);
        writer.WriteBoolean("aiDrafted", c.AiDrafted);
        writer.WriteBoolean("unverifiedAiDraft", c.UnverifiedAiDraft);
        writer.WriteBoolean("federated", c.Federated);
        writer.WriteEndObject();
        writer.WriteStartArray("sections");
        foreach (var s in c.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("heading", s.Heading);
            writer.WriteString("id", s.Id);
            writer.WriteNumber("wordCount", s.WordCount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
