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
    public const string FileName = CorpusDiscovery.ConfigFileName;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ContentContract.ReadResource("soul-lint.config.schema.json")).GetAwaiter().GetResult());

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

    /// <summary>The nearest soul-lint.json in <paramref name="start"/> or a folder above it (stopping at a git work tree's top), or null.</summary>
    public static string? Find(string start)
    {
        for (var dir = System.IO.Directory.Exists(start) ? start : System.IO.Path.GetDirectoryName(start); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            var candidate = System.IO.Path.Combine(dir, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (System.IO.Directory.Exists(System.IO.Path.Combine(dir, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <exception cref="ConfigException">The file is missing, not JSON, or breaks the config schema.</exception>
    public static LintConfig Load(string path, string displayPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{displayPath}: cannot be read: {ex.Message}");
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

        var errors = new JsonSchemaValidator().Validate(root, Schema.Value);
        if (errors.Count > 0)
        {
            throw new ConfigException(string.Join(Environment.NewLine, Rules.Structure.SchemaRule.Flatten(errors).Select(e => Describe(file, e))));
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
            };
        }

        return config;
    }

    /// <summary>The content contract the config names, or null for the built-in one.</summary>
    /// <exception cref="ConfigException">A named schema or sections file cannot be used.</exception>
    public ContentContract? LoadContract()
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
                metadata = ReadRequired(System.IO.Path.Combine(SchemaDir, "metadata.schema.json"));
                var record = new[] { "occupation.schema.json", "soul.schema.json" }.Select(n => System.IO.Path.Combine(SchemaDir, n)).FirstOrDefault(File.Exists);
                if (record is not null)
                {
                    occupation = File.ReadAllText(record);
                }

                var list = System.IO.Path.Combine(SchemaDir, "sections.json");
                if (File.Exists(list))
                {
                    sections = File.ReadAllText(list);
                }
            }

            if (SectionsPath is not null)
            {
                sections = ReadRequired(SectionsPath);
            }

            return ContentContract.FromText(metadata, occupation, sections);
        }
        catch (Exception ex) when (ex is IOException or FormatException or Newtonsoft.Json.JsonException or InvalidOperationException)
        {
            throw new ConfigException($"{Path}: the content contract cannot be loaded: {ex.Message}");
        }
    }

    private static string ReadRequired(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{path} does not exist");

    private string Resolve(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, relative));

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
            _ => $"{where}: {path} is not valid ({error.Kind})",
        };
    }

    private static string ParentPath(string path)
    {
        var cut = path.LastIndexOf('.');
        return cut > 0 ? path.Substring(0, cut) : path;
    }
}
