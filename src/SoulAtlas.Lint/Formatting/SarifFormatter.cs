using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Formatting;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format GitHub code scanning ingests: one run whose tool.driver.rules is
/// the whole catalogue, and one result per diagnostic with a physical location and a
/// partialFingerprints entry that stays stable when unrelated lines move.
/// </summary>
public static class SarifFormatter
{
    public const string FingerprintKey = "soulLintContextHash/v1";

    public static string Format(LintResult result, ReportOptions options)
    {
        var rules = RuleCatalogue.All;
        var ruleIndex = new Dictionary<string, int>();
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var fingerprints = DiagnosticFingerprint.ForAll(result.Diagnostics);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonFormatter.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "soul-lint");
            w.WriteString("semanticVersion", options.ToolVersion);
            w.WriteString("version", options.ToolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", rule.Name);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Description);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", rule.Details);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", rule.Description + " " + rule.Details);
                if (RuleDocs.Page(rule) is { } page)
                {
                    w.WriteString("markdown", page);
                }

                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteBoolean("enabled", rule.DefaultSeverity != Severity.Off);
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteStartArray("tags");
                w.WriteStringValue(rule.Scope == RuleScope.Records ? "records" : rule.Scope == RuleScope.Sources ? "sources" : "content");
                if (rule.Fixable)
                {
                    w.WriteStringValue("fixable");
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            for (var i = 0; i < result.Diagnostics.Count; i++)
            {
                var d = result.Diagnostics[i];
                w.WriteStartObject();
                w.WriteString("ruleId", d.RuleId);
                w.WriteNumber("ruleIndex", ruleIndex[d.RuleId]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", Uri(d.File));
                w.WriteEndObject();
                WriteRegion(w, "region", d.Line, d.Column, d.EndLine, d.EndColumn);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString(FingerprintKey, fingerprints[i]);
                w.WriteEndObject();
                if (d.Suggestions is { } suggestions)
                {
                    WriteFixes(w, suggestions);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A region (§3.30) by its 1-based start and end line and column.</summary>
    private static void WriteRegion(Utf8JsonWriter w, string name, int startLine, int startColumn, int endLine, int endColumn)
    {
        w.WriteStartObject(name);
        w.WriteNumber("startLine", startLine);
        w.WriteNumber("startColumn", startColumn);
        w.WriteNumber("endLine", endLine);
        w.WriteNumber("endColumn", endColumn);
        w.WriteEndObject();
    }

    /// <summary>
    /// Suggestions as SARIF fixes (§3.55): a description and, per file, the replacements (§3.57)
    /// of regions (§3.30) by inserted content. An empty region inserts.
    /// </summary>
    private static void WriteFixes(Utf8JsonWriter w, IReadOnlyList<Suggestion> suggestions)
    {
        w.WriteStartArray("fixes");
        foreach (var suggestion in suggestions)
        {
            w.WriteStartObject();
            w.WriteStartObject("description");
            w.WriteString("text", suggestion.Title);
            w.WriteEndObject();
            w.WriteStartArray("artifactChanges");
            foreach (var file in suggestion.Edits.GroupBy(e => e.Range.File.DisplayPath, System.StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", Uri(file.Key));
                w.WriteEndObject();
                w.WriteStartArray("replacements");
                foreach (var edit in file)
                {
                    var start = edit.Range.File.GetPosition(edit.Range.Start);
                    var end = edit.Range.File.GetPosition(edit.Range.End);
                    w.WriteStartObject();
                    WriteRegion(w, "deletedRegion", start.Line, start.Column, end.Line, end.Column);
                    w.WriteStartObject("insertedContent");
                    w.WriteString("text", edit.NewText);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>SARIF §3.27.10: error, warning, note or none.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A relative URI reference (SARIF §3.4.3): '/' separators, spaces and '%' escaped.</summary>
    private static string Uri(string path) => path.Replace("%", "%25").Replace(" ", "%20");
}
