using SoulAtlas.Lint.Contract;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Structure;

/// <summary>
/// JSON Schema validation with NJsonSchema. NJsonSchema reports positions at the end of a value
/// token, or at the parent for a missing property; each error is mapped back to the start of
/// the offending value (or the key of the object that lacks a property) through the tree's spans.
/// </summary>
public sealed class SchemaRule : Rule
{

    public override RuleDescriptor Descriptor => RuleCatalogue.Schema;

    public override bool ReadsOnlyItsDocument => true;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        ICollection<ValidationError> errors;
        JToken value;
        JsonSchema schema;
        if (document.Form == DocumentForm.Record && document.Record is not null)
        {
            (value, schema) = (document.Record, context.Contract.OccupationSchema);
        }
        else if (document.Metadata.Root is not null)
        {
            (value, schema) = (document.Metadata.Root, context.Contract.MetadataSchema);
        }
        else
        {
            return;
        }

        var timestamps = document.Form == DocumentForm.Source ? ReportTimestamps(context, value) : null;
        ReportSummaryUnits(context, document.Metadata.Root);
        if (context.Caches.CompiledFor(schema).IsCertainlyValid(value))
        {
            return;
        }

        errors = context.Caches.Validator.Validate(value, schema);

        foreach (var error in Flatten(errors))
        {
            // A timestamp is reported once, as what it is, not again as a malformed date or tag.
            if (timestamps is not null && (error.Token is JProperty p ? p.Value : error.Token) is { } token && timestamps.Any(t => ReferenceEquals(t, token)))
            {
                continue;
            }

            Report(context, error);
        }
    }

    /// <summary>
    /// Unquoted dates in metadata.yaml: the site's reader (js-yaml) makes them Dates, which its
    /// validator rejects wherever the schema wants a string, and publishes as ISO timestamps.
    /// </summary>
    private static List<JToken>? ReportTimestamps(RuleContext context, JToken root)
    {
        List<JToken>? found = null;
        foreach (var token in root is JContainer container ? container.DescendantsAndSelf() : new[] { root })
        {
            if (token is JValue value && value.Annotation<Loading.JsYamlTimestamp>() is { } timestamp)
            {
                (found ??= new List<JToken>()).Add(value);
                var path = PathOf(value);
                // Quoted only where the date is all there is (no anchor or tag beside it): the value
                // becomes the string written, nothing else changes.
                var fix = Documents.JsonLocations.SpanOf(value) is { } span && span.End - span.Start == timestamp.Text.Length
                    && string.CompareOrdinal(span.File.Text, span.Start, timestamp.Text, 0, timestamp.Text.Length) == 0
                    ? new Text.TextEdit(span.Value, "'" + timestamp.Text + "'")
                    : (Text.TextEdit?)null;
                context.Report(
                    value,
                    $"{Subject(path)} is the unquoted date {timestamp.Text}, which the site's YAML reader (js-yaml, YAML 1.1 timestamps) reads as a date, not a string: its validator rejects it and the record would say {Quote.Q((string)value!)}; quote it ('{timestamp.Text}')",
                    fix);
            }
        }

        return found;
    }

    /// <summary>The longest summary the site's validator (validate.mjs) lets through, in JavaScript's UTF-16 length.</summary>
    internal const int SummaryUnits = 320;

    /// <summary>
    /// validate.mjs refuses a summary whose JavaScript length (UTF-16 units) exceeds 320, besides the
    /// schema's maxLength, which counts code points: a summary of emoji or other astral characters can
    /// pass the one and not the other. Reported here when the schema lets it through.
    /// </summary>
    private static void ReportSummaryUnits(RuleContext context, JObject? metadata)
    {
        if (metadata?["summary"] is JValue { Type: JTokenType.String } summary && ((string)summary!).Length > SummaryUnits
            && JsSchemaSemantics.Length((string)summary!) <= SummaryUnits)
        {
            var text = (string)summary!;
            context.Report(summary, $"summary is {JsSchemaSemantics.Length(text)} characters but {text.Length} UTF-16 code units long (characters outside the Basic Multilingual Plane, such as emoji, count twice); the site's validator allows {SummaryUnits} UTF-16 code units");
        }
    }

    /// <summary>The fast path for a schema (an engine keeps the compiled form in its <see cref="RuleCaches"/>).</summary>
    public static Contract.CompiledSchema Compile(JsonSchema schema) =>
        Contract.CompiledSchema.Compile(schema, CreateSettings().FormatValidators);

    /// <summary>The validator with the site validator's formats, patterns and string lengths.</summary>
    public static JsonSchemaValidator CreateValidator() => new SiteSchemaValidator(CreateSettings());

    /// <summary>NJsonSchema's verdict, without the fast path.</summary>
    public static ICollection<ValidationError> ValidateWithNJsonSchema(JToken value, JsonSchema schema) => CreateValidator().Validate(value, schema);

    private static JsonSchemaValidatorSettings CreateSettings()
    {
        // NJsonSchema accepts a value when any validator of its format does: its own date and uri
        // checks (anything .NET parses) give way to the site validator's.
        var settings = new JsonSchemaValidatorSettings();
        settings.FormatValidators = settings.FormatValidators
            .Where(f => f.Format is not ("date" or "uri"))
            .Append(new IsoDateFormatValidator())
            .Append(new UriFormatValidator())
            .ToArray();
        return settings;
    }

    internal static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) => SchemaErrors.Flatten(errors);

    private static void Report(RuleContext context, ValidationError error)
    {
        var token = error.Token;
        var path = PathOf(token);
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                context.ReportKey(token, $"required property {Quote.Q(error.Property)} is missing{In(path)}");
                return;
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                {
                    var property = token as JProperty ?? token?.Parent as JProperty;
                    var parentPath = property?.Parent is { } parent ? PathOf(parent) : path;
                    context.ReportKey(property?.Value ?? token, $"property {Quote.Q(error.Property ?? property?.Name)} is not allowed{In(parentPath)}");
                    return;
                }
        }

        var value = token is JProperty p ? p.Value : token;
        context.Report(value, $"{Subject(path)} {Describe(error, value)}");
    }

    private static string Describe(ValidationError error, JToken? value)
    {
        var schema = error.Schema;
        switch (error.Kind)
        {
            case ValidationErrorKind.NotInEnumeration:
                return $"is {Show(value)}, which is not one of {string.Join(", ", schema?.Enumeration.Select(e => e?.ToString() ?? "null") ?? Array.Empty<string>())}";
            case ValidationErrorKind.PatternMismatch:
                return $"is {Show(value)}, which does not match the pattern {schema?.Pattern}";
            case ValidationErrorKind.StringTooShort:
                return $"is {Length(value)} characters long; the minimum is {schema?.MinLength}";
            case ValidationErrorKind.StringTooLong:
                return $"is {Length(value)} characters long; the maximum is {schema?.MaxLength}";
            case ValidationErrorKind.NumberTooSmall:
                return $"is {Show(value)}; the minimum is {schema?.Minimum?.ToString(CultureInfo.InvariantCulture)}";
            case ValidationErrorKind.NumberTooBig:
            case ValidationErrorKind.IntegerTooBig:
                return $"is {Show(value)}; the maximum is {schema?.Maximum?.ToString(CultureInfo.InvariantCulture)}";
            case ValidationErrorKind.TooFewItems:
                return $"has {(value as JArray)?.Count} items; the minimum is {schema?.MinItems}";
            case ValidationErrorKind.TooManyItems:
                return $"has {(value as JArray)?.Count} items; the maximum is {schema?.MaxItems}";
            case ValidationErrorKind.ItemsNotUnique:
                return "has repeated items; each item must be unique";
            case ValidationErrorKind.DateExpected:
                return $"is {Show(value)}, which is not an ISO date (YYYY-MM-DD)";
            case ValidationErrorKind.DateTimeExpected:
                return $"is {Show(value)}, which is not an ISO date-time";
            case ValidationErrorKind.UriExpected:
                return $"is {Show(value)}, which is not an absolute URI";
            case ValidationErrorKind.EmailExpected:
                return $"is {Show(value)}, which is not an e-mail address";
            case ValidationErrorKind.StringExpected:
                return $"must be a string, found {TypeOf(value)}";
            case ValidationErrorKind.IntegerExpected:
                return $"must be an integer, found {TypeOf(value)}";
            case ValidationErrorKind.NumberExpected:
                return $"must be a number, found {TypeOf(value)}";
            case ValidationErrorKind.BooleanExpected:
                return $"must be a boolean, found {TypeOf(value)}";
            case ValidationErrorKind.ObjectExpected:
                return $"must be an object, found {TypeOf(value)}";
            case ValidationErrorKind.ArrayExpected:
                return $"must be an array, found {TypeOf(value)}";
            case ValidationErrorKind.NullExpected:
                return $"must be null, found {TypeOf(value)}";
            case ValidationErrorKind.NoTypeValidates:
                // A value of an allowed type that fails that type's own constraints (a string that is
                // not a date for ["string", "null"]) is described by that failure, not by its type.
                if (error is MultiTypeValidationError multi && value is not null)
                {
                    foreach (var branch in multi.Errors)
                    {
                        if (Matches(branch.Key, value) && branch.Value.FirstOrDefault() is { } inner)
                        {
                            return Describe(inner, value);
                        }
                    }
                }

                return $"must be {TypesOf(schema)}, found {TypeOf(value)}";
            default:
                return $"violates the schema ({error.Kind})";
        }
    }

    private static bool Matches(JsonObjectType type, JToken value) => value.Type switch
    {
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Null => type.HasFlag(JsonObjectType.Null),
        _ => false,
    };

    private static string TypesOf(JsonSchema? schema)
    {
        if (schema is null)
        {
            return "another type";
        }

        var names = new List<string>();
        foreach (JsonObjectType flag in Enum.GetValues(typeof(JsonObjectType)))
        {
            if (flag != JsonObjectType.None && schema.Type.HasFlag(flag))
            {
                names.Add(flag.ToString().ToLowerInvariant());
            }
        }

        return names.Count == 0 ? "another type" : string.Join(" or ", names);
    }

    private static string PathOf(JToken? token)
    {
        if (token is null)
        {
            return string.Empty;
        }

        return token is JProperty property ? property.Path : token.Path;
    }

    private static string In(string path) => path.Length == 0 ? " in the document" : " in " + path;

    private static string Subject(string path) => path.Length == 0 ? "the document" : path;

    private static string Show(JToken? value) => value switch
    {
        null => "missing",
        JValue { Type: JTokenType.String } s => Quote.Q((string)s!),
        JValue { Type: JTokenType.Null } => "null",
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "null",
        _ => TypeOf(value),
    };

    private static int Length(JToken? value) => value is JValue { Type: JTokenType.String } s ? JsSchemaSemantics.Length((string)s!) : 0;

    private static string TypeOf(JToken? value) => value?.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer => "an integer",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        null => "nothing",
        _ => value.Type.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// JSON Schema's "date" as the site's validator (ajv-formats) checks it: RFC 3339 full-date
/// (YYYY-MM-DD), any year from 0000, a day that the month has. NJsonSchema's built-in check accepts
/// anything .NET can parse as a date (01/03/2026 included), which the content site would not.
/// </summary>
internal sealed class IsoDateFormatValidator : NJsonSchema.Validation.FormatValidators.IFormatValidator
{
    public string Format => "date";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateExpected;

    public bool IsValid(string value, JTokenType tokenType) => tokenType != JTokenType.String || JsSchemaSemantics.IsDate(value);
}

/// <summary>
/// JSON Schema's "uri" as the site's validator (ajv-formats) checks it: an absolute URI of ASCII
/// characters. NJsonSchema's built-in check takes anything .NET's Uri accepts (spaces, other
/// scripts, malformed escapes) and refuses some that are fine ("a:b", a port above 65535).
/// </summary>
internal sealed class UriFormatValidator : NJsonSchema.Validation.FormatValidators.IFormatValidator
{
    public string Format => "uri";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.UriExpected;

    public bool IsValid(string value, JTokenType tokenType) => tokenType != JTokenType.String || JsSchemaSemantics.IsUri(value);
}

/// <summary>
/// NJsonSchema with the site validator's reading of a string's <c>pattern</c> (a JavaScript regular
/// expression) and <c>minLength</c>/<c>maxLength</c> (code points, not UTF-16 units): its verdicts on
/// those keywords are replaced by ajv's.
/// </summary>
internal sealed class SiteSchemaValidator : JsonSchemaValidator
{
    public SiteSchemaValidator(JsonSchemaValidatorSettings settings)
        : base(settings)
    {
    }

    protected override ICollection<ValidationError> Validate(JToken? token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token!, schema, schemaType, propertyName, propertyPath);
        var actual = schema.ActualSchema;
        if (token is not JValue { Type: JTokenType.String } value || (actual.Pattern is null && actual.MinLength is null && actual.MaxLength is null))
        {
            return errors;
        }

        var result = errors.Where(e => e.Kind is not (ValidationErrorKind.PatternMismatch or ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong)).ToList();
        var text = (string)value!;
        if (actual.Pattern is { } pattern && !JsSchemaSemantics.PatternMatches(pattern, text))
        {
            result.Add(new ValidationError(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, actual));
        }

        var length = JsSchemaSemantics.Length(text);
        if (actual.MinLength is int min && length < min)
        {
            result.Add(new ValidationError(ValidationErrorKind.StringTooShort, propertyName, propertyPath, token, actual));
        }

        if (actual.MaxLength is int max && length > max)
        {
            result.Add(new ValidationError(ValidationErrorKind.StringTooLong, propertyName, propertyPath, token, actual));
        }

        return result;
    }
}
