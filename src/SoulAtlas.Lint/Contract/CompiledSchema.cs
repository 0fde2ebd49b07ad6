using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation.FormatValidators;

namespace SoulAtlas.Lint.Contract;

/// <summary>
/// A fast "certainly valid" check compiled once from an NJsonSchema schema. It understands the
/// keywords content schemas use (type, properties, required, additionalProperties, items, enum,
/// pattern, lengths, bounds, uniqueItems, format) and answers <c>true</c> only when the value
/// satisfies every one of them under the strictest reading; anything else — a failure, an
/// unfamiliar keyword, a borderline value — answers <c>false</c>, and NJsonSchema validates the
/// document and words the errors. Valid documents, the common case, skip NJsonSchema's generic
/// walk (which builds a path string for every value it visits).
/// </summary>
public sealed class CompiledSchema
{
    private readonly Func<JToken, bool>? _check;

    private CompiledSchema(Func<JToken, bool>? check)
    {
        _check = check;
    }

    /// <summary>False when the schema uses keywords the fast path does not understand: every document then goes to NJsonSchema.</summary>
    public bool IsAvailable => _check is not null;

    public static CompiledSchema Compile(JsonSchema schema, IEnumerable<IFormatValidator> formats)
    {
        try
        {
            return new CompiledSchema(new Compiler(formats.ToLookup(f => f.Format, StringComparer.Ordinal)).Compile(schema));
        }
        catch (NotSupportedException)
        {
            return new CompiledSchema(null);
        }
    }

    /// <summary>True only if <paramref name="token"/> is certainly valid.</summary>
    public bool IsCertainlyValid(JToken token) => _check is not null && _check(token);

    private sealed class Compiler
    {
        private readonly Dictionary<JsonSchema, Func<JToken, bool>> _compiled = new();
        private readonly ILookup<string, IFormatValidator> _formats;

        public Compiler(ILookup<string, IFormatValidator> formats)
        {
            _formats = formats;
        }

        public Func<JToken, bool> Compile(JsonSchema schema)
        {
            schema = schema.ActualSchema;
            if (_compiled.TryGetValue(schema, out var done))
            {
                return done;
            }

            // Recursive schemas refer back through this indirection.
            Func<JToken, bool>? self = null;
            _compiled[schema] = t => self!(t);

            if (schema.AllOf.Count > 0 || schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.Not is not null
                || schema.PatternProperties.Count > 0 || schema.Items.Count > 0 || schema.MultipleOf is not null
                || schema.MinProperties > 0 || schema.MaxProperties > 0 || schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null
                || schema.IsExclusiveMinimum || schema.IsExclusiveMaximum || schema.AdditionalItemsSchema is not null || schema.DictionaryKey is not null)
            {
                throw new NotSupportedException();
            }

            var checks = new List<Func<JToken, bool>>();
            var type = schema.Type;
            if (type != JsonObjectType.None)
            {
                checks.Add(t => TypeMatches(type, t));
            }

            if (schema.Enumeration.Count > 0)
            {
                if (schema.Enumeration.Any(e => e is not null && e is not string))
                {
                    throw new NotSupportedException();
                }

                var allowed = new HashSet<string>(schema.Enumeration.OfType<string>(), StringComparer.Ordinal);
                var allowsNull = schema.Enumeration.Any(e => e is null);
                checks.Add(t => t.Type == JTokenType.String ? allowed.Contains((string)t!) : t.Type == JTokenType.Null && allowsNull);
            }

            AddStringChecks(schema, checks);
            AddNumberChecks(schema, checks);
            AddArrayChecks(schema, checks);
            AddObjectChecks(schema, checks);

            var all = checks.ToArray();
            self = t =>
            {
                foreach (var check in all)
                {
                    if (!check(t))
                    {
                        return false;
                    }
                }

                return true;
            };
            _compiled[schema] = self;
            return self;
        }

        private void AddStringChecks(JsonSchema schema, List<Func<JToken, bool>> checks)
        {
            var regex = schema.Pattern is { } pattern ? JsSchemaSemantics.PatternRegex(pattern) : null;
            var min = schema.MinLength;
            var max = schema.MaxLength;
            IFormatValidator[]? format = null;
            if (schema.Format is { } name)
            {
                // Every validator registered for the format must accept the value: whether
                // NJsonSchema wants one or all of them, "all" is never more lenient.
                format = _formats[name].ToArray();
                if (format.Length == 0)
                {
                    throw new NotSupportedException();
                }
            }

            if (regex is null && min is null && max is null && format is null)
            {
                return;
            }

            checks.Add(t =>
            {
                if (t.Type != JTokenType.String)
                {
                    return true;
                }

                var s = (string)t!;
                if (regex is not null && !regex.IsMatch(s))
                {
                    return false;
                }

                if (min is not null || max is not null)
                {
                    // Lengths are counted both as UTF-16 units and as text elements; only a value
                    // within bounds under both readings is certainly valid.
                    var units = s.Length;
                    var elements = new StringInfo(s).LengthInTextElements;
                    if ((min is int lo && (units < lo || elements < lo)) || (max is int hi && (units > hi || elements > hi)))
                    {
                        return false;
                    }
                }

                return format is null || format.All(f => f.IsValid(s, JTokenType.String));
            });
        }

        private static void AddNumberChecks(JsonSchema schema, List<Func<JToken, bool>> checks)
        {
            var min = schema.Minimum;
            var max = schema.Maximum;
            if (min is null && max is null)
            {
                return;
            }

            checks.Add(t =>
            {
                if (t.Type != JTokenType.Integer && t.Type != JTokenType.Float)
                {
                    return true;
                }

                var value = (double)t;
                return (min is not decimal lo || value >= (double)lo) && (max is not decimal hi || value <= (double)hi);
            });
        }

        private void AddArrayChecks(JsonSchema schema, List<Func<JToken, bool>> checks)
        {
            var item = schema.Item is { } itemSchema ? Compile(itemSchema) : null;
            var unique = schema.UniqueItems;
            var minItems = schema.MinItems;
            var maxItems = schema.MaxItems;
            if (item is null && !unique && minItems == 0 && maxItems == 0)
            {
                return;
            }

            checks.Add(t =>
            {
                if (t is not JArray array)
                {
                    return true;
                }

                if (array.Count < minItems || (maxItems > 0 && array.Count > maxItems))
                {
                    return false;
                }

                if (unique)
                {
                    if (array.Any(i => i.Type != JTokenType.String))
                    {
                        return false;
                    }

                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var i in array)
                    {
                        if (!seen.Add((string)i!))
                        {
                            return false;
                        }
                    }
                }

                if (item is not null)
                {
                    foreach (var i in array)
                    {
                        if (!item(i))
                        {
                            return false;
                        }
                    }
                }

                return true;
            });
        }

        private void AddObjectChecks(JsonSchema schema, List<Func<JToken, bool>> checks)
        {
            var properties = schema.Properties.ToDictionary(p => p.Key, p => Compile(p.Value), StringComparer.Ordinal);
            var required = schema.RequiredProperties.ToArray();
            var closed = !schema.AllowAdditionalProperties;
            var additional = schema.AdditionalPropertiesSchema is { } extra ? Compile(extra) : null;
            if (properties.Count == 0 && required.Length == 0 && !closed && additional is null)
            {
                return;
            }

            checks.Add(t =>
            {
                if (t is not JObject obj)
                {
                    return true;
                }

                foreach (var name in required)
                {
                    if (obj[name] is null)
                    {
                        return false;
                    }
                }

                foreach (var property in obj.Properties())
                {
                    if (properties.TryGetValue(property.Name, out var check))
                    {
                        if (!check(property.Value))
                        {
                            return false;
                        }
                    }
                    else if (closed || (additional is not null && !additional(property.Value)))
                    {
                        return false;
                    }
                }

                return true;
            });
        }

        private static bool TypeMatches(JsonObjectType type, JToken t) => t.Type switch
        {
            JTokenType.String => type.HasFlag(JsonObjectType.String),
            JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
            JTokenType.Float => type.HasFlag(JsonObjectType.Number),
            JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
            JTokenType.Null => type.HasFlag(JsonObjectType.Null),
            JTokenType.Object => type.HasFlag(JsonObjectType.Object),
            JTokenType.Array => type.HasFlag(JsonObjectType.Array),
            _ => false,
        };
    }
}
