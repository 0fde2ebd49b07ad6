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
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
