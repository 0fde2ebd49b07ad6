using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace SoulAtlas.Lint.Contract;

/// <summary>
/// The content contract: the record and metadata schemas and the section list. The defaults are
/// embedded in this assembly; a content repository can supply its own files. Schemas are loaded
/// once per engine and shared by its runs, since loading them costs far more than validating a record.
/// </summary>
public sealed class ContentContract
{
    private const string MetadataSchemaId = "https://soul-atlas.github.io/schema/metadata.schema.json";

    private ContentContract(JsonSchema metadataSchema, JsonSchema occupationSchema, SectionList sections, string identity)
    {
        Identity = identity;
        MetadataSchema = metadataSchema;
        OccupationSchema = occupationSchema;
        Sections = sections;
    }

    /// <summary>The built-in contract (embedded schemas and section list). Loading costs tens of milliseconds: an engine loads it once and keeps it.</summary>
    public static ContentContract LoadDefault() =>
        FromText(ReadResource("metadata.schema.json"), ReadResource("occupation.schema.json"), ReadResource("sections.json"));

    public JsonSchema MetadataSchema { get; }

    public JsonSchema OccupationSchema { get; }

    public SectionList Sections { get; }

    /// <summary>A digest of the texts the contract was read from: two contracts with one identity check alike.</summary>
    public string Identity { get; }

    public static ContentContract FromText(string metadataSchemaJson, string occupationSchemaJson, string sectionsJson)
    {
        var metadata = SchemaReader.Read(ObjectOf(metadataSchemaJson, "metadata"), () => metadataSchemaJson);
        var record = RecordSchemaTree(metadataSchemaJson, occupationSchemaJson);
        var occupation = SchemaReader.Read(record, () => record.ToString(Newtonsoft.Json.Formatting.None));
        return new ContentContract(metadata, occupation, SectionList.Parse(sectionsJson), IdentityOf(metadataSchemaJson, occupationSchemaJson, sectionsJson));
    }

    private static JObject ObjectOf(string json, string name)
    {
        JToken parsed;
        try
        {
            parsed = SchemaReader.Parse(json);
        }
        catch (Newtonsoft.Json.JsonReaderException ex)
        {
            throw new Newtonsoft.Json.JsonReaderException($"the {name} schema is not valid JSON ({ex.Message})", ex);
        }

        return parsed as JObject ?? throw new Newtonsoft.Json.JsonReaderException($"the {name} schema is not a JSON object");
    }

    private static string IdentityOf(params string[] texts)
    {
        using var sha = SHA256.Create();
        var all = new StringBuilder();
        foreach (var text in texts)
        {
            all.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
        }

        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(all.ToString()));
        return BitConverter.ToString(digest).Replace("-", string.Empty);
    }

    public static string ReadResource(string name)
    {
        using var stream = typeof(ContentContract).Assembly.GetManifestResourceStream("SoulAtlas.Lint.schemas." + name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The record schema refers to the metadata schema by its absolute <c>$id</c> (or a sibling
    /// file name). Rather than resolving over the network or the file system, the metadata schema
    /// is copied into <c>definitions</c> and the reference rewritten to point there.
    /// </summary>
    internal static JObject RecordSchemaTree(string metadataSchemaJson, string occupationSchemaJson)
    {
        var metadata = ObjectOf(metadataSchemaJson, "metadata");
        var occupation = ObjectOf(occupationSchemaJson, "record");
        var metadataId = (string?)metadata["$id"] ?? MetadataSchemaId;
        metadata.Remove("$id");
        metadata.Remove("$schema");
        var replaced = false;
        foreach (var token in occupation.DescendantsAndSelf())
        {
            if (token is JProperty { Name: "$ref", Value: JValue { Type: JTokenType.String } value })
            {
                var target = (string)value!;
                if (target == metadataId || target == MetadataSchemaId || target.EndsWith("metadata.schema.json", StringComparison.Ordinal))
                {
                    value.Value = "#/definitions/soulLintMetadata";
                    replaced = true;
                }
            }
        }

        if (replaced)
        {
            if (occupation["definitions"] is not JObject definitions)
            {
                definitions = new JObject();
                occupation["definitions"] = definitions;
            }

            definitions["soulLintMetadata"] = metadata;
        }

        return occupation;
    }
}
