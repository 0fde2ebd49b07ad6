using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Formatting;

/// <summary>The machine-readable report (§5): tool, summary, diagnostics sorted by file, line, column, rule.</summary>
public static class JsonFormatter
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(LintResult result, string toolVersion, int fixedCount = 0)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteString("name", "soul-lint");
            writer.WriteString("version", toolVersion);
            writer.WriteEndObject();

            writer.WriteStartObject("summary");
            writer.WriteNumber("files", result.Files);
            writer.WriteNumber("occupations", result.Occupations);
            writer.WriteNumber("errors", result.Count(Severity.Error));
            writer.WriteNumber("warnings", result.Count(Severity.Warning));
            writer.WriteNumber("infos", result.Count(Severity.Info));
            writer.WriteNumber("fixed", fixedCount);
            writer.WriteNumber("elapsedMs", result.ElapsedMs);
            writer.WriteEndObject();

            writer.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", d.RuleId);
                writer.WriteString("rule", d.Rule.Name);
                writer.WriteString("severity", d.Severity.ToName());
                writer.WriteString("file", d.File);
                writer.WriteNumber("line", d.Line);
                writer.WriteNumber("column", d.Column);
                writer.WriteNumber("endLine", d.EndLine);
                writer.WriteNumber("endColumn", d.EndColumn);
                if (d.Slug is null)
                {
                    writer.WriteNull("slug");
                }
                else
                {
                    writer.WriteString("slug", d.Slug);
                }

                writer.WriteString("message", d.Message);
                writer.WriteBoolean("fixable", d.Fixable);
                if (d.Suggestions is { } suggestions)
                {
                    WriteSuggestions(writer, suggestions);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// <c>"suggestions": [{"title", "edits": [{"file", "line", "column", "endLine", "endColumn",
    /// "start", "length", "newText"}]}]</c>: each edit replaces a range of a file (an empty one
    /// inserts), located as diagnostics are, and as 0-based UTF-16 offsets.
    /// </summary>
    private static void WriteSuggestions(Utf8JsonWriter writer, IReadOnlyList<Suggestion> suggestions)
    {
        writer.WriteStartArray("suggestions");
        foreach (var suggestion in suggestions)
        {
            writer.WriteStartObject();
            writer.WriteString("title", suggestion.Title);
            writer.WriteStartArray("edits");
            foreach (var edit in suggestion.Edits)
            {
                var file = edit.Range.File;
                var start = file.GetPosition(edit.Range.Start);
                var end = file.GetPosition(edit.Range.End);
                writer.WriteStartObject();
                writer.WriteString("file", file.DisplayPath);
                writer.WriteNumber("line", start.Line);
                writer.WriteNumber("column", start.Column);
                writer.WriteNumber("endLine", end.Line);
                writer.WriteNumber("endColumn", end.Column);
                writer.WriteNumber("start", edit.Range.Start);
                writer.WriteNumber("length", edit.Range.End - edit.Range.Start);
                writer.WriteString("newText", edit.NewText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
