using System.IO;
using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Loading;

/// <summary>Reads one published JSON record: bytes → checked UTF-8 → located JSON tree → document.</summary>
public static class RecordLoader
{
    /// <summary>Reads and parses a record; <paramref name="read"/>, when given, sees the bytes that were parsed.</summary>
    public static LoadedFile Load(ContentFile content, string displayPath, LoadLimits limits, Action<byte[]>? read = null)
    {
        var problems = new List<LoadProblem>();
        var bytes = FileBytes.Read(content, displayPath, limits, problems);
        if (bytes is null)
        {
            return new LoadedFile(content.Path, displayPath, LoadOutcome.Broken, FileBytes.Empty(content.Path, displayPath), null, problems);
        }

        read?.Invoke(bytes);

        return Parse(content.Path, displayPath, bytes, limits, problems);
    }

    public static LoadedFile Parse(string fullPath, string displayPath, byte[] bytes, LoadLimits limits, List<LoadProblem> problems)
    {
        var (file, byteBase, valid) = TextDecoder.Check(fullPath, displayPath, bytes, problems);
        if (!valid)
        {
            return new LoadedFile(fullPath, displayPath, LoadOutcome.Broken, file, null, problems);
        }

        JToken root;
        IReadOnlyList<DuplicateKey> duplicates;
        try
        {
            (root, duplicates) = JsonTreeReader.Read(file, bytes, byteBase, limits.MaxDepth, problems);
        }
        catch (JsonSyntaxProblem ex)
        {
            var rule = ex.DepthExceeded ? RuleCatalogue.ResourceLimit : RuleCatalogue.InvalidJson;
            var message = ex.DepthExceeded ? $"JSON nesting is deeper than the limit of {limits.MaxDepth}; the file was not parsed" : "invalid JSON: " + ex.Message;
            problems.Add(new LoadProblem(rule, new SourceRange(file, ex.Offset, Math.Min(file.Text.Length, ex.Offset + 1)), message));
            return new LoadedFile(fullPath, displayPath, LoadOutcome.Broken, file, null, problems);
        }

        if (root is not JObject record || record["slug"] is null || record["sections"] is null)
        {
            return new LoadedFile(fullPath, displayPath, LoadOutcome.NotAnOccupation, file, null, problems);
        }

        var title = record["title"] as JValue;
        var document = new OccupationDocument(
            DocumentForm.Record,
            file,
            new[] { file },
            Path.GetFileNameWithoutExtension(fullPath),
            record,
            record["metadata"] as JObject,
            title?.Type == JTokenType.String ? (string)title! : null,
            JsonLocations.RangeOf(title),
            ReadSections(record, file),
            JsonLocations.KeyRangeOf(record["sections"]) ?? SourceRange.At(file, 0),
            hasBody: true,
            duplicates);
        return new LoadedFile(fullPath, displayPath, LoadOutcome.Occupation, file, document, problems);
    }

    private static List<Section> ReadSections(JObject record, SourceFile file)
    {
        var sections = new List<Section>();
        if (record["sections"] is not JArray array)
        {
            return sections;
        }

        foreach (var item in array)
        {
            if (item is not JObject entry)
            {
                continue;
            }

            var heading = entry["heading"] as JValue;
            var markdown = entry["markdown"] as JValue;
            var itemRange = JsonLocations.RangeOf(entry) ?? SourceRange.At(file, 0);
            sections.Add(new Section(
                sections.Count,
                heading?.Type == JTokenType.String ? (string)heading! : string.Empty,
                JsonLocations.RangeOf(heading) ?? itemRange,
                markdown?.Type == JTokenType.String ? (string)markdown! : string.Empty,
                JsonLocations.RangeOf(markdown) ?? itemRange,
                entry));
        }

        return sections;
    }
}
