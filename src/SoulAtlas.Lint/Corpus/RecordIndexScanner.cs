using SoulAtlas.Lint.Loading;
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Corpus;

/// <summary>What a quick scan of a JSON file found.</summary>
public enum ScanOutcome
{
    /// <summary>An object with <c>slug</c> and <c>sections</c>: an occupation record.</summary>
    Record,

    /// <summary>Well-formed JSON that is not a record.</summary>
    NotARecord,

    /// <summary>Not readable as JSON; the full load will say why.</summary>
    Broken,
}

/// <summary>
/// Reads only what the corpus index needs from a record — slug, titles, aliases and related
/// slugs — with <see cref="Utf8JsonReader"/>, skipping section bodies, html and
/// the computed, git and citation blocks without materialising them.
/// </summary>
public static class RecordIndexScanner
{
    public static (ScanOutcome Outcome, CorpusEntry? Entry) Scan(string fullPath, string displayPath, byte[] bytes, int maxDepth)
    {
        var start = TextDecoder.HasBom(bytes) ? 3 : 0;
        if (!TextDecoder.IsValid(bytes, start))
        {
            // Not a document the full load will accept either: it reports invalid-encoding.
            return (ScanOutcome.Broken, null);
        }

        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, start, bytes.Length - start), new JsonReaderOptions { MaxDepth = maxDepth + 2 });
        try
        {
            if (!reader.Read())
            {
                return (ScanOutcome.Broken, null);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                Drain(ref reader);
                return (ScanOutcome.NotARecord, null);
            }

            string? slug = null, title = null, metadataSlug = null, metadataTitle = null;
            var hasSections = false;
            var hasSlug = false;
            var aliases = new List<string>();
            var related = new List<string>();
            var relations = new List<TypedRelation>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = JsonStrings.Read(ref reader, out _);
                reader.Read();
                switch (name)
                {
                    case "slug":
                        hasSlug = true;
                        slug = StringOrNull(ref reader);
                        break;
                    case "title":
                        title = StringOrNull(ref reader);
                        break;
                    case "sections":
                        hasSections = true;
                        reader.Skip();
                        break;
                    case "metadata" when reader.TokenType == JsonTokenType.StartObject:
                        ReadMetadata(ref reader, ref metadataSlug, ref metadataTitle, aliases, related, relations);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            Drain(ref reader);
            if (!hasSlug || !hasSections)
            {
                return (ScanOutcome.NotARecord, null);
            }

            var effectiveSlug = slug ?? metadataSlug ?? Path.GetFileNameWithoutExtension(fullPath);
            return (ScanOutcome.Record, new CorpusEntry(DocumentForm.Record, fullPath, displayPath, effectiveSlug, metadataTitle ?? title, aliases, related) { Relations = relations });
        }
        catch (JsonException)
        {
            return (ScanOutcome.Broken, null);
        }
        catch (InvalidOperationException)
        {
            return (ScanOutcome.Broken, null);
        }
    }

    /// <summary>Reads to the end, so trailing garbage makes the file Broken, as the full parse would.</summary>
    private static void Drain(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return JsonStrings.Read(ref reader, out _);
        }

        reader.Skip();
        return null;
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, ref string? slug, ref string? title, List<string> aliases, List<string> related, List<TypedRelation> relations)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonStrings.Read(ref reader, out _);
            reader.Read();
            switch (name)
            {
                case "slug":
                    slug = StringOrNull(ref reader);
                    break;
                case "title":
                    title = StringOrNull(ref reader);
                    break;
                case "aliases" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            aliases.Add(JsonStrings.Read(ref reader, out _));
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case "related" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            reader.Skip();
                            continue;
                        }

                        string? target = null, type = null;
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var isSlug = reader.ValueTextEquals("slug"u8);
                            var isType = reader.ValueTextEquals("type"u8);
                            reader.Read();
                            if ((isSlug || isType) && reader.TokenType == JsonTokenType.String)
                            {
                                if (isSlug)
                                {
                                    target = JsonStrings.Read(ref reader, out _);
                                }
                                else
                                {
                                    type = JsonStrings.Read(ref reader, out _);
                                }
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        if (target is not null)
                        {
                            relations.Add(new TypedRelation(target, type));

                            // Only an entry with a relationship type the site knows is an edge of the backlink graph.
                            if (CorpusIndex.IsRelationshipType(type))
                            {
                                related.Add(target);
                            }
                        }
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }
}
