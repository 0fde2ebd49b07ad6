using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Rules.Structure;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The schema reader must give the very objects NJsonSchema's own reader gives: both are written
/// back out with NJsonSchema's writer and compared as JSON, and documents validated against both
/// must get the same errors. A schema the reader does not know must be left to NJsonSchema.
/// </summary>
public sealed class SchemaReaderTests
{
    /// <summary>Every keyword the reader reads, in the shapes it accepts.</summary>
    public static TheoryData<string> Known => new()
    {
        """{ "type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[a-z]+$", "format": "date", "title": "t", "description": "d", "default": "x" }""",
        """{ "type": ["string", "null"], "enum": ["a", "b", null] }""",
        """{ "type": "integer", "minimum": 0, "maximum": 10, "multipleOf": 2, "default": 4 }""",
        """{ "type": "number", "minimum": 0.25, "maximum": 1e3 }""",
        """{ "type": "boolean", "default": false }""",
        """{ "type": "array", "default": [] }""",
        """{ "type": "object", "default": { "a": [1, "b", null, true] } }""",
        """{ "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 3, "uniqueItems": true }""",
        """{ "type": "object", "properties": { "a": { "type": "string" }, "b": { "$ref": "#/definitions/b" } }, "required": ["a"], "additionalProperties": false, "definitions": { "b": { "type": "integer" } } }""",
        """{ "type": "object", "additionalProperties": { "type": "number" }, "minProperties": 1, "maxProperties": 2 }""",
        """{ "type": "object", "additionalProperties": true, "properties": { "self": { "$ref": "#" } } }""",
        """{ "allOf": [ { "type": "string" } ], "anyOf": [ { "minLength": 1 }, { "maxLength": 0 } ], "oneOf": [ { "pattern": "a" } ], "not": { "enum": ["b"] } }""",
        """{ "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.org/s.json", "type": "null" }""",
        """{}""",
    };

    /// <summary>Keywords, references and values the reader leaves to NJsonSchema.</summary>
    public static TheoryData<string> Unknown => new()
    {
        """{ "type": "object", "patternProperties": { "^x": { "type": "string" } } }""",
        """{ "type": "number", "exclusiveMinimum": 0 }""",
        """{ "type": "array", "items": [ { "type": "string" } ] }""",
        """{ "const": "a" }""",
        """{ "id": "draft-4-id", "type": "string" }""",
        """{ "properties": { "a": { "$ref": "#/properties/b" }, "b": { "type": "string" } } }""",
        """{ "properties": { "a": { "$ref": "other.json" } } }""",
        """{ "properties": { "a": { "$ref": "#/definitions/a", "description": "beside the reference" } }, "definitions": { "a": {} } }""",
        """{ "enum": ["2020-01-01T00:00:00"] }""",
        """{ "enum": [1, 2] }""",
        """{ "default": 0.5 }""",
        """{ "default": [0.5] }""",
        """{ "default": { "when": "2020-01-01T00:00:00" } }""",
        """{ "type": "text" }""",
        """{ "minLength": 1.5 }""",
        """{ "x-custom": true }""",
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void A_known_schema_is_read_as_NJsonSchema_reads_it(string json)
    {
        var fast = SchemaReader.TryRead((JObject)SchemaReader.Parse(json));
        Assert.NotNull(fast);
        Assert.Equal(Written(ByNJsonSchema(json)), Written(fast));
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public void An_unknown_schema_is_left_to_NJsonSchema(string json)
    {
        Assert.Null(SchemaReader.TryRead((JObject)SchemaReader.Parse(json)));
        Assert.Equal(Outcome(() => ByNJsonSchema(json)), Outcome(() => SchemaReader.Read(json)));
    }

    [Fact]
    public void The_built_in_schemas_are_read_without_NJsonSchema_and_alike()
    {
        var metadata = ContentContract.ReadResource("metadata.schema.json");
        var occupation = ContentContract.ReadResource("occupation.schema.json");
        var config = ContentContract.ReadResource("soul-lint.config.schema.json");
        AssertAlike(metadata);
        AssertAlike(config);
        AssertAlike(ContentContract.RecordSchemaTree(metadata, occupation).ToString());
    }

    [SharedDataFact]
    public void The_content_repository_schemas_are_read_without_NJsonSchema_and_alike()
    {
        var folder = Path.Combine(TestPaths.Shared, "corpus", "soul-atlas", "schema");
        var metadata = File.ReadAllText(Path.Combine(folder, "metadata.schema.json"));
        AssertAlike(metadata);
        AssertAlike(ContentContract.RecordSchemaTree(metadata, File.ReadAllText(Path.Combine(folder, "soul.schema.json"))).ToString());
    }

    [Theory]
    [InlineData("[", "{}", "the metadata schema is not valid JSON (")]
    [InlineData("{}", "{ \"type\": ", "the record schema is not valid JSON (")]
    [InlineData("{}", "true", "the record schema is not a JSON object")]
    public void A_schema_that_cannot_be_read_is_named_in_the_error(string metadata, string record, string expected)
    {
        var error = Assert.Throws<Newtonsoft.Json.JsonReaderException>(() => ContentContract.FromText(metadata, record, ContentContract.ReadResource("sections.json")));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Random schemas, of the keywords the reader knows and others, in shapes valid and not: the
    /// reader's result is always NJsonSchema's (the same objects written out, or the same error).
    /// </summary>
    [Fact]
    public void Random_schemas_are_read_as_NJsonSchema_reads_them()
    {
        var read = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var json = RandomSchema(new Random(seed), 0).ToString(Newtonsoft.Json.Formatting.None);
            Assert.True(Outcome(() => ByNJsonSchema(json)) == Outcome(() => SchemaReader.Read(json)), json);
            read += SchemaReader.TryRead((JObject)SchemaReader.Parse(json)) is null ? 0 : 1;
        }, iter: 1500);
        Assert.True(read > 300, $"only {read} of the random schemas were read without NJsonSchema; the generator rarely reaches the reader");
    }

    private static JObject RandomSchema(Random random, int depth)
    {
        JToken Pick(params object?[] choices) => JToken.FromObject(choices[random.Next(choices.Length)] ?? JValue.CreateNull());
        JToken Schema() => depth >= 3 || random.Next(4) == 0 ? new JObject() : RandomSchema(random, depth + 1);
        JArray Schemas() => new(Enumerable.Range(0, random.Next(3)).Select(_ => (object)Schema()).ToArray());
        var keywords = new Func<JToken>[]
        {
            () => Pick("string", "number", "integer", "boolean", "object", "array", "null", "text", new JArray("string", "null"), 5),
            () => new JArray(Enumerable.Range(0, random.Next(4)).Select(_ => (object)Pick("a", "b", null, 1, 1.5, true, "2020-01-01T00:00:00")).ToArray()),
            () => Pick(0, 3, -1, 1.5, "2", 3_000_000_000L),
            () => Pick(0, 1.5, -3, 1000, "1", 0.1m),
            () => Pick("^a", "(", 5),
            () => Pick("date", "email", "no-such-format", 3),
            () => Pick(true, false, "true"),
            () => random.Next(3) switch { 0 => Schemas(), 1 => Pick(true), _ => Schema() },
            () => new JObject(Enumerable.Range(0, random.Next(4)).Select(i => new JProperty(new[] { "a", "b", "$ref", "x y" }[i], Schema()))),
            () => Pick(new JArray("a"), new JArray(), "a", new JArray(1)),
            () => random.Next(3) == 0 ? Schema() : Pick(true, false, "false"),
            () => random.Next(4) == 0 ? Schema() : Schemas(),
            () => Schema(),
            () => Pick("a title", 5, "2020-01-01T00:00:00"),
            () => Pick("x", 1, 0.5, false, null, new JArray(), new JArray(1, "b"), new JObject { ["k"] = "v" }),
            () => Pick("#", "#/definitions/d0", "#/definitions/missing", "other.json", 5),
            () => new JObject { ["d0"] = Schema() },
            () => Pick("https://example.org/s.json", 5),
            () => Pick(1, "a", new JObject()),
        };
        var names = new[]
        {
            "type", "enum", "minLength|maxLength|minItems|maxItems|minProperties|maxProperties", "minimum|maximum|multipleOf", "pattern", "format",
            "uniqueItems", "items", "properties", "required", "additionalProperties", "allOf|anyOf|oneOf", "not", "title|description",
            "default", "$ref", "definitions", "$id|$schema", "const|x-custom|patternProperties|exclusiveMinimum|id",
        };
        var schema = new JObject();
        for (var n = random.Next(5); n > 0; n--)
        {
            var k = random.Next(keywords.Length);
            var choices = names[k].Split('|');
            schema[choices[random.Next(choices.Length)]] = keywords[k]();
        }

        return schema;
    }

    /// <summary>Records, valid and broken at random, get the same errors from both readers' schemas.</summary>
    [Fact]
    public void Documents_get_the_same_errors_from_both_readings()
    {
        var tree = ContentContract.RecordSchemaTree(ContentContract.ReadResource("metadata.schema.json"), ContentContract.ReadResource("occupation.schema.json"));
        var fast = SchemaReader.TryRead(tree)!;
        var slow = ByNJsonSchema(tree.ToString());
        var records = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "corpus", "api", "souls"), "*.json").Select(f => JObject.Parse(File.ReadAllText(f))).ToArray();
        var values = Gen.OneOf(
            Gen.String.Select(s => (JToken)new JValue(s)),
            Gen.Const((JToken)new JValue("2026-13-45")),
            Gen.Const((JToken)new JValue("not a slug!")),
            Gen.Int[-3, 400].Select(i => (JToken)new JValue(i)),
            Gen.Bool.Select(b => (JToken)new JValue(b)),
            Gen.Const((JToken)JValue.CreateNull()),
            Gen.Const((JToken)new JArray("a", "a")),
            Gen.Const((JToken)new JObject()));
        var failing = 0;
        Gen.Select(Gen.Int[0, records.Length - 1], Gen.Int[0, 1000], values).Sample((recordIndex, pathIndex, value) =>
        {
            var copy = (JObject)records[recordIndex].DeepClone();
            var tokens = copy.Descendants().Where(t => t.Parent is JProperty or JArray).ToArray();
            var target = tokens[pathIndex % tokens.Length];
            target.Replace(value.DeepClone());
            var expected = Errors(slow, copy);
            failing += expected.Count > 0 ? 1 : 0;
            Assert.Equal(expected, Errors(fast, copy));
        }, iter: 1500);
        Assert.True(failing > 200, $"only {failing} of the changed records broke the schema; the changes are too gentle");
    }

    private static List<string> Errors(JsonSchema schema, JToken document) =>
        SchemaRule.Flatten(SchemaRule.ValidateWithNJsonSchema(document, schema)).Select(e => $"{e.Kind} {e.Path} {e.Property}").ToList();

    private static void AssertAlike(string json)
    {
        var fast = SchemaReader.TryRead((JObject)SchemaReader.Parse(json));
        Assert.NotNull(fast);
        Assert.Equal(Written(ByNJsonSchema(json)), Written(fast));
    }

    /// <summary>The schema as written, or the error reading it gave.</summary>
    private static string Outcome(Func<JsonSchema> read)
    {
        try
        {
            return Written(read());
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static JsonSchema ByNJsonSchema(string json) => JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();

    private static string Written(JsonSchema schema) => schema.ToJson();
}
