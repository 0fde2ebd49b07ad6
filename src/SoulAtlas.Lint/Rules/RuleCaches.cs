using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NJsonSchema;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Rules.Content;
using SoulAtlas.Lint.Rules.Structure;

namespace SoulAtlas.Lint.Rules;

/// <summary>
/// What rules build once and reuse across runs: compiled schemas, phrase matchers and HTML
/// parsers. An engine owns one; nothing is kept in static state, so two engines (two analyzer
/// configurations, two tests) never share or race on a cache.
/// </summary>
public sealed class RuleCaches
{
    private readonly ConditionalWeakTable<JsonSchema, CompiledSchema> _compiled = new();
    private readonly ConditionalWeakTable<IReadOnlyList<string>, PhraseMatcher> _phrases = new();

    internal HtmlDom Html { get; } = new();

    internal NJsonSchema.Validation.JsonSchemaValidator Validator { get; } = SchemaRule.CreateValidator();

    /// <summary>The schema's fast path, compiled on first use and kept as long as the schema is.</summary>
    public CompiledSchema CompiledFor(JsonSchema schema) => _compiled.GetValue(schema, SchemaRule.Compile);

    internal PhraseMatcher PhrasesFor(IReadOnlyList<string> phrases) => _phrases.GetValue(phrases, p => PhraseMatcher.For(p));
}
