using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Configuration;

/// <summary>A configuration file that cannot be used: the CLI exits 2 with this message.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }
}

/// <summary>soul-lint.json (§6), validated against schemas/soul-lint.config.schema.json.</summary>
public sealed class LintConfig
{
    public const string FileName = "soul-lint.json";

    private LintConfig(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
    }

    /// <summary>The config file; relative paths in it are relative to its folder.</summary>
    public string Path { get; }

    public string Directory { get; }

    public IReadOnlyDictionary<string, Severity> Severities { get; private set; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    public IReadOnlyList<string> Ignore { get; private set; } = Array.Empty<string>();

    public IReadOnlyList<string>? Records { get; private set; }

    public string? SchemaDir { get; private set; }

    public string? SectionsPath { get; private set; }

    public string? SiteUrl { get; private set; }

    public IReadOnlyList<string>? BannedPhrases { get; private set; }

    public LoadLimits? Limits { get; private set; }

    /// <summary>A config from its text; <paramref name="path"/> (absolute) is where relative paths in it start.</summary>
    /// <exception cref="ConfigException">The text is not JSON or breaks the config schema.</exception>
    public static LintConfig Parse(string text, string path, string displayPath)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var file = new SourceFile(path, displayPath, text);
        JToken root;
        try
        {
            (root, _) = JsonTreeReader.Read(file, System.Text.Encoding.UTF8.GetBytes(text), 0, 32);
        }
        catch (JsonSyntaxProblem ex)
        {
            var at = file.GetPosition(ex.Offset);
            throw new ConfigException($"{displayPath}:{at.Line}:{at.Column}: invalid JSON: {ex.Message}");
        }

        if (root is not JObject)
        {
            throw new ConfigException($"{displayPath}:1:1: the config must be a JSON object of settings (\"rules\", \"ignore\", \"limits\", …), found {Kind(root)}");
        }

        var schema = SchemaReader.Read(ContentContract.ReadResource("soul-lint.config.schema.json"));
        var errors = new JsonSchemaValidator().Validate(root, schema);
        if (errors.Count > 0)
        {
            throw new ConfigException(string.Join("\n", SchemaErrors.Flatten(errors).Select(e => Describe(file, e))));
        }

        var config = new LintConfig(path);
        var obj = (JObject)root;
        config.Severities = ReadSeverities(file, obj["rules"] as JObject);
        config.Ignore = Strings(obj["ignore"]);
        config.Records = obj["records"] is null ? null : Strings(obj["records"]);
        config.SchemaDir = (string?)obj["schemaDir"] is { } dir ? config.Resolve(dir) : null;
        config.SectionsPath = (string?)obj["sections"] is { } sections ? config.Resolve(sections) : null;
        config.SiteUrl = (string?)obj["siteUrl"];
        config.BannedPhrases = obj["bannedPhrases"] is null ? null : Strings(obj["bannedPhrases"]);
        if (obj["limits"] is JObject limits)
        {
            var defaults = LoadLimits.Default;
            config.Limits = new LoadLimits
            {
                MaxFileBytes = (long?)limits["maxFileBytes"] ?? defaults.MaxFileBytes,
                MaxDepth = (int?)limits["maxDepth"] ?? defaults.MaxDepth,
                MaxYamlNodes = (int?)limits["maxYamlNodes"] ?? defaults.MaxYamlNodes,
                MaxCheckMilliseconds = (int?)limits["maxCheckMilliseconds"] ?? defaults.MaxCheckMilliseconds,
            };
        }

        return config;
    }

    /// <summary>
    /// The settings this config describes, with <paramref name="overrides"/> (command-line severities)
    /// winning over its rules. <paramref name="contract"/> is the one <see cref="LoadContract"/> gave.
    /// </summary>
    public static LintSettings ToSettings(LintConfig? config, ContentContract? contract, IReadOnlyDictionary<string, Severity>? overrides = null)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var pair in (config?.Severities ?? new Dictionary<string, Severity>()).Concat(overrides ?? new Dictionary<string, Severity>()))
        {
            severities[pair.Key] = pair.Value;
        }

        return new LintSettings
        {
            CustomContract = contract,
            Severities = severities,
            SiteUrl = config?.SiteUrl ?? Computation.CitationBuilder.DefaultSiteUrl,
            Limits = config?.Limits ?? LoadLimits.Default,
            GlobBase = config?.Directory,
            IgnoreGlobs = config?.Ignore ?? Array.Empty<string>(),
            RecordGlobs = config?.Records,
            BannedPhrases = config?.BannedPhrases ?? LintSettings.DefaultBannedPhrases,
        };
    }

    /// <summary>The content contract the config names, or null for the built-in one. <paramref name="readText"/> reads a file the config names (null when it does not exist).</summary>
    /// <exception cref="ConfigException">A named schema or sections file cannot be used.</exception>
    public ContentContract? LoadContract(Func<string, string?> readText)
    {
        if (SchemaDir is null && SectionsPath is null)
        {
            return null;
        }

        try
        {
            string metadata = ContentContract.ReadResource("metadata.schema.json");
            string occupation = ContentContract.ReadResource("occupation.schema.json");
            string sections = ContentContract.ReadResource("sections.json");
            if (SchemaDir is not null)
            {
                metadata = ReadRequired(readText, System.IO.Path.Combine(SchemaDir, "metadata.schema.json"));
                var record = new[] { "occupation.schema.json", "soul.schema.json" }.Select(n => readText(System.IO.Path.Combine(SchemaDir, n))).FirstOrDefault(t => t is not null);
                if (record is not null)
                {
                    occupation = record;
                }

                if (readText(System.IO.Path.Combine(SchemaDir, "sections.json")) is { } list)
                {
                    sections = list;
                }
            }

            if (SectionsPath is not null)
            {
                sections = ReadRequired(readText, SectionsPath);
            }

            return ContentContract.FromText(metadata, occupation, sections);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException or Newtonsoft.Json.JsonException or InvalidOperationException)
        {
            throw new ConfigException($"{Path}: the content contract cannot be loaded: {ex.Message}");
        }
    }

    private static string ReadRequired(Func<string, string?> readText, string path) =>
        readText(path) ?? throw new FileNotFoundException($"{path} does not exist");

    private string Resolve(string relative) => PathDisplay.Normalize(System.IO.Path.Combine(Directory, relative));

    private static Dictionary<string, Severity> ReadSeverities(SourceFile file, JObject? rules)
    {
        var result = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (rules is null)
        {
            return result;
        }

        foreach (var property in rules.Properties())
        {
            var rule = RuleCatalogue.Find(property.Name);
            if (rule is null)
            {
                var at = file.GetPosition(JsonLocations.KeyRangeOf(property.Value)?.Start ?? 0);
                throw new ConfigException($"{file.DisplayPath}:{at.Line}:{at.Column}: unknown rule \"{property.Name}\" in \"rules\" (see 'soul-lint rules')");
            }

            SeverityNames.TryParse((string)property.Value!, out var severity);
            result[rule.Id] = severity;
        }

        return result;
    }

    private static IReadOnlyList<string> Strings(JToken? token) =>
        token is JArray array ? array.Select(t => (string)t!).ToList() : Array.Empty<string>();

    private static string Describe(SourceFile file, ValidationError error)
    {
        var token = error.Token is JProperty p ? p.Value : error.Token;
        var range = error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed || error.Kind == ValidationErrorKind.PropertyRequired
            ? JsonLocations.KeyRangeOf(token)
            : JsonLocations.RangeOf(token);
        var at = file.GetPosition(range?.Start ?? 0);
        var where = $"{file.DisplayPath}:{at.Line}:{at.Column}";
        var path = error.Token is JProperty prop ? prop.Path : error.Token?.Path;
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{where}: unknown key \"{error.Property}\"{(string.IsNullOrEmpty(path) || path == error.Property ? string.Empty : $" in {ParentPath(path!)}")}",
            ValidationErrorKind.NotInEnumeration => $"{where}: {path} must be one of off, info, warning, error",
            ValidationErrorKind.NumberTooBig => $"{where}: {Name(path)} is {token}; the maximum is {error.Schema?.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ValidationErrorKind.NumberTooSmall => $"{where}: {Name(path)} is {token}; the minimum is {error.Schema?.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ValidationErrorKind.IntegerExpected => $"{where}: {Name(path)} must be a whole number, found {Kind(token)}",
            ValidationErrorKind.StringExpected => $"{where}: {Name(path)} must be a string, found {Kind(token)}",
            ValidationErrorKind.ArrayExpected => $"{where}: {Name(path)} must be a list, found {Kind(token)}",
            ValidationErrorKind.ObjectExpected => $"{where}: {Name(path)} must be an object, found {Kind(token)}",
            _ => $"{where}: {Name(path)} is not valid ({error.Kind})",
        };
    }

    private static string Name(string? path) => string.IsNullOrEmpty(path) ? "the config" : path!;

    private static string Kind(JToken? token) => token?.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.String => $"the string \"{token}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        JTokenType.Null => "null",
        _ => "a value",
    };

    private static string ParentPath(string path)
    {
        var cut = path.LastIndexOf('.');
        return cut > 0 ? path.Substring(0, cut) : path;
    }
}
