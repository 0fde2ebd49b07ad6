using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace SoulAtlas.Lint.Contract;

/// <summary>
/// Reads a JSON Schema into NJsonSchema's object model. NJsonSchema's own reader deserializes
/// through Newtonsoft.Json's reflection-based contracts, which costs about a tenth of a second at
/// every start of the process (more than checking a small corpus). Content schemas use a handful
/// of keywords, so those are read here straight from the JSON tree into the same objects; a schema
/// with any keyword, reference or value this reader does not know is read by NJsonSchema instead,
/// so the result is always what <see cref="JsonSchema.FromJsonAsync(string, System.Threading.CancellationToken)"/> gives.
/// </summary>
public static class SchemaReader
{
    /// <summary>Reads <paramref name="json"/>; throws what NJsonSchema throws for a schema it cannot read.</summary>
    public static JsonSchema Read(string json)
    {
        JObject? root = null;
        try
        {
            root = Parse(json) as JObject;
        }
        catch (JsonException)
        {
            // NJsonSchema words the error below.
        }

        return root is null ? FromNJsonSchema(json) : Read(root, () => json);
    }

    /// <summary>Reads a parsed schema; <paramref name="text"/> gives its text when NJsonSchema must read it.</summary>
    public static JsonSchema Read(JObject root, Func<string> text) =>
        TryRead(root) ?? FromNJsonSchema(text());

    /// <summary>The schema read by this reader alone, or null where only NJsonSchema can read it.</summary>
    public static JsonSchema? TryRead(JObject root)
    {
        try
        {
            return new Builder(root).Build();
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Parses schema text as this reader expects it: strings stay strings, numbers keep their decimal digits.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("additional text after the schema");
        }

        return token;
    }

    private static JsonSchema FromNJsonSchema(string json) => JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();

    private sealed class Builder
    {
        private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        {
            "$id", "$schema", "$ref", "title", "description", "default", "type", "enum", "format", "pattern",
            "minLength", "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
            "items", "properties", "required", "additionalProperties", "minProperties", "maxProperties",
            "definitions", "allOf", "anyOf", "oneOf", "not",
        };

        private readonly JObject _root;
        private readonly Dictionary<JsonSchema, string> _references = new();
        private readonly Dictionary<string, JsonSchema> _definitions = new(StringComparer.Ordinal);
        private JsonSchema? _rootSchema;

        public Builder(JObject root)
        {
            _root = root;
        }

        public JsonSchema Build()
        {
            var schema = Fill(new JsonSchema(), _root, isRoot: true);
            foreach (var pair in _references)
            {
                pair.Key.Reference = Resolve(pair.Value);
            }

            return schema;
        }

        private JsonSchema Resolve(string reference)
        {
            if (reference == "#")
            {
                return _rootSchema!;
            }

            const string prefix = "#/definitions/";
            if (reference.StartsWith(prefix, StringComparison.Ordinal)
                && _definitions.TryGetValue(reference.Substring(prefix.Length), out var target))
            {
                return target;
            }

            throw new NotSupportedException();
        }

        private T Fill<T>(T schema, JToken token, bool isRoot = false)
            where T : JsonSchema
        {
            if (token is not JObject obj)
            {
                throw new NotSupportedException();
            }

            if (isRoot)
            {
                _rootSchema = schema;
            }

            foreach (var property in obj.Properties())
            {
                if (!Keywords.Contains(property.Name) || (!isRoot && property.Name is "$id" or "$schema" or "definitions"))
                {
                    throw new NotSupportedException();
                }
            }

            if (obj["$ref"] is { } reference)
            {
                // A reference with anything beside it is read by NJsonSchema, whose reading of such siblings this reader does not repeat.
                if (obj.Count != 1 || reference.Type != JTokenType.String)
                {
                    throw new NotSupportedException();
                }

                _references[schema] = (string)reference!;
                return schema;
            }

            if (isRoot && obj["definitions"] is { } definitions)
            {
                foreach (var definition in Object(definitions).Properties())
                {
                    if (definition.Name.IndexOfAny(['~', '%', '/']) >= 0)
                    {
                        throw new NotSupportedException();
                    }

                    var child = Fill(new JsonSchema(), definition.Value);
                    _definitions[definition.Name] = child;
                    schema.Definitions[definition.Name] = child;
                }
            }

            if (OptionalString(obj, "$id") is { } id)
            {
                // NJsonSchema keeps "$id" among the keywords it does not model.
                schema.ExtensionData = new Dictionary<string, object?>(StringComparer.Ordinal) { ["$id"] = id };
            }

            schema.SchemaVersion = OptionalString(obj, "$schema");
            schema.Title = OptionalString(obj, "title");
            schema.Description = OptionalString(obj, "description");
            schema.Format = OptionalString(obj, "format");
            schema.Pattern = OptionalString(obj, "pattern");
            if (obj["default"] is { } defaultValue)
            {
                schema.Default = Scalar(defaultValue);
            }

            if (obj["type"] is { } type)
            {
                schema.Type = TypeOf(type);
            }

            if (obj["enum"] is { } values)
            {
                foreach (var value in Array(values))
                {
                    schema.Enumeration.Add(value.Type == JTokenType.Null ? null : StringValue(value));
                }
            }

            schema.MinLength = OptionalInt(obj, "minLength");
            schema.MaxLength = OptionalInt(obj, "maxLength");
            schema.Minimum = OptionalDecimal(obj, "minimum");
            schema.Maximum = OptionalDecimal(obj, "maximum");
            schema.MultipleOf = OptionalDecimal(obj, "multipleOf");
            schema.MinItems = OptionalInt(obj, "minItems") ?? 0;
            schema.MaxItems = OptionalInt(obj, "maxItems") ?? 0;
            schema.MinProperties = OptionalInt(obj, "minProperties") ?? 0;
            schema.MaxProperties = OptionalInt(obj, "maxProperties") ?? 0;
            if (obj["uniqueItems"] is { } unique)
            {
                schema.UniqueItems = Bool(unique);
            }

            if (obj["items"] is { } items)
            {
                schema.Item = Fill(new JsonSchema(), items);
            }

            if (obj["properties"] is { } properties)
            {
                foreach (var property in Object(properties).Properties())
                {
                    schema.Properties[property.Name] = Fill(new JsonSchemaProperty(), property.Value);
                }
            }

            if (obj["required"] is { } required)
            {
                foreach (var name in Array(required))
                {
                    schema.RequiredProperties.Add(StringValue(name));
                }
            }

            if (obj["additionalProperties"] is { } additional)
            {
                if (additional.Type == JTokenType.Boolean)
                {
                    schema.AllowAdditionalProperties = (bool)additional;
                }
                else
                {
                    schema.AdditionalPropertiesSchema = Fill(new JsonSchema(), additional);
                }
            }

            AddAll(obj, "allOf", schema.AllOf);
            AddAll(obj, "anyOf", schema.AnyOf);
            AddAll(obj, "oneOf", schema.OneOf);
            if (obj["not"] is { } not)
            {
                schema.Not = Fill(new JsonSchema(), not);
            }

            return schema;
        }

        private void AddAll(JObject obj, string name, ICollection<JsonSchema> into)
        {
            if (obj[name] is { } list)
            {
                foreach (var item in Array(list))
                {
                    into.Add(Fill(new JsonSchema(), item));
                }
            }
        }

        private static JsonObjectType TypeOf(JToken token)
        {
            if (token is JArray names)
            {
                var all = JsonObjectType.None;
                foreach (var name in names)
                {
                    all |= TypeNamed(StringValue(name));
                }

                return all;
            }

            return TypeNamed(StringValue(token));
        }

        private static JsonObjectType TypeNamed(string name) => name switch
        {
            "array" => JsonObjectType.Array,
            "boolean" => JsonObjectType.Boolean,
            "integer" => JsonObjectType.Integer,
            "null" => JsonObjectType.Null,
            "number" => JsonObjectType.Number,
            "object" => JsonObjectType.Object,
            "string" => JsonObjectType.String,
            _ => throw new NotSupportedException(),
        };

        /// <summary>A default value as NJsonSchema keeps it (arrays and objects as trees); fractions and dates are left to it.</summary>
        private static object? Scalar(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Null:
                    return null;
                case JTokenType.Boolean:
                    return (bool)token;
                case JTokenType.Integer when ((JValue)token).Value is long value:
                    return value;
                case JTokenType.String:
                    return StringValue(token);
                case JTokenType.Array or JTokenType.Object:
                    foreach (var value in ((JContainer)token).Descendants())
                    {
                        if (value is JValue)
                        {
                            Scalar(value);
                        }
                    }

                    return token.DeepClone();
                default:
                    throw new NotSupportedException();
            }
        }

        private static string StringValue(JToken token)
        {
            if (token.Type != JTokenType.String)
            {
                throw new NotSupportedException();
            }

            var text = (string)token!;

            // NJsonSchema's reader turns a string that looks like a date into a date.
            using var probe = new JsonTextReader(new StringReader(JsonConvert.ToString(text)));
            if (!probe.Read() || probe.TokenType != JsonToken.String)
            {
                throw new NotSupportedException();
            }

            return text;
        }

        private static string? OptionalString(JObject obj, string name) =>
            obj[name] is { } token ? StringValue(token) : null;

        private static int? OptionalInt(JObject obj, string name)
        {
            if (obj[name] is not { } token)
            {
                return null;
            }

            if (token.Type != JTokenType.Integer || ((JValue)token).Value is not long value || value < int.MinValue || value > int.MaxValue)
            {
                throw new NotSupportedException();
            }

            return (int)value;
        }

        private static decimal? OptionalDecimal(JObject obj, string name)
        {
            if (obj[name] is not { } token)
            {
                return null;
            }

            return ((JValue)token).Value switch
            {
                long integer when token.Type == JTokenType.Integer => integer,
                decimal number when token.Type == JTokenType.Float => number,
                _ => throw new NotSupportedException(),
            };
        }

        private static bool Bool(JToken token) =>
            token.Type == JTokenType.Boolean ? (bool)token : throw new NotSupportedException();

        private static JObject Object(JToken token) => token as JObject ?? throw new NotSupportedException();

        private static JArray Array(JToken token) => token as JArray ?? throw new NotSupportedException();
    }
}
