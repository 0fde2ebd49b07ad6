using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Loading;

/// <summary>Reads one authored folder (<c>souls/&lt;slug&gt;/</c> or <c>mirrored/&lt;origin&gt;/&lt;slug&gt;/</c>): SOUL.md and metadata.yaml.</summary>
public static class SourceLoader
{
    public const string BodyFileName = "SOUL.md";
    public const string MetadataFileName = "metadata.yaml";

    /// <summary>Reads a folder from its SOUL.md and metadata.yaml; null stands for a file the folder lacks.</summary>
    public static LoadedFile Load(string folder, ContentFile? bodyContent, ContentFile? metadataContent, Func<string, string> display, LoadLimits limits)
    {
        var problems = new List<LoadProblem>();
        var bodyPath = bodyContent?.Path ?? Path.Combine(folder, BodyFileName);
        var metadataPath = metadataContent?.Path ?? Path.Combine(folder, MetadataFileName);
        var body = ReadText(bodyPath, bodyContent, display(bodyPath), limits, problems);
        var metadataFile = ReadText(metadataPath, metadataContent, display(metadataPath), limits, problems);
        var slug = Path.GetFileName(folder);

        if (body.File is null && metadataFile.File is null)
        {
            var broken = body.Present ? body : metadataFile;
            return new LoadedFile(broken.Path, display(broken.Path), LoadOutcome.Broken, null, null, problems) { Paths = Present(bodyContent, metadataContent) };
        }

        if (!body.Present || !metadataFile.Present)
        {
            var present = body.Present ? body : metadataFile;
            var missing = body.Present ? MetadataFileName : BodyFileName;
            problems.Add(new LoadProblem(
                RuleCatalogue.MissingFile,
                SourceRange.At(present.File ?? new SourceFile(present.Path, display(present.Path), string.Empty), 0),
                $"{Path.GetFileName(present.Path)} has no {missing} beside it; a SOUL folder needs both files"));
        }

        JObject? metadata = null;
        IReadOnlyList<DuplicateKey> duplicates = Array.Empty<DuplicateKey>();
        if (metadataFile.File is { } yaml)
        {
            try
            {
                var (root, dups) = YamlTreeReader.Read(yaml, limits.MaxDepth, limits.MaxYamlNodes);
                duplicates = dups;
                metadata = root as JObject;
                if (metadata is null)
                {
                    // Still validated: the schema says what the document should have been.
                    metadata = null;
                    problems.Add(new LoadProblem(RuleCatalogue.Schema, JsonLocations.RangeOf(root) ?? SourceRange.At(yaml, 0),
                        $"metadata.yaml must be a mapping of fields (title, slug, …), found {Describe(root)}"));
                }
            }
            catch (YamlSyntaxProblem ex)
            {
                var rule = ex.LimitExceeded ? RuleCatalogue.ResourceLimit : RuleCatalogue.InvalidYaml;
                var prefix = ex.LimitExceeded ? "metadata.yaml exceeds a limit: " : "invalid YAML: ";
                problems.Add(new LoadProblem(rule, new SourceRange(yaml, ex.Offset, Math.Min(yaml.Text.Length, ex.Offset + 1)), prefix + ex.Message));
            }
        }

        SoulMarkdown? markdown = body.File is null ? null : SoulMarkdownParser.Parse(body.File);
        var primary = body.File ?? metadataFile.File!;
        var files = new List<SourceFile>();
        if (body.File is not null)
        {
            files.Add(body.File);
        }

        if (metadataFile.File is not null)
        {
            files.Add(metadataFile.File);
        }

        var document = new OccupationDocument(
            DocumentForm.Source,
            primary,
            files,
            slug,
            null,
            metadata,
            markdown?.Title,
            markdown?.TitleRange,
            markdown?.Sections ?? Array.Empty<Section>(),
            markdown?.TitleRange ?? SourceRange.At(primary, 0),
            hasBody: markdown is not null,
            duplicates);
        return new LoadedFile(primary.FullPath, primary.DisplayPath, LoadOutcome.Occupation, primary, document, problems) { Paths = Present(bodyContent, metadataContent) };
    }

    private static string[] Present(ContentFile? body, ContentFile? metadata) =>
        body is null ? new[] { metadata!.Path } : metadata is null ? new[] { body.Path } : new[] { body.Path, metadata.Path };

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Null => "an empty document",
        JTokenType.Array => "a list",
        _ => "a single value",
    };

    private static (string Path, bool Present, SourceFile? File) ReadText(string path, ContentFile? content, string displayPath, LoadLimits limits, List<LoadProblem> problems)
    {
        if (content is null)
        {
            return (path, false, null);
        }

        var bytes = FileBytes.Read(content, displayPath, limits, problems);
        if (bytes is null)
        {
            return (path, true, null);
        }

        var (file, _, valid) = TextDecoder.Decode(path, displayPath, bytes, problems, removableBom: true);
        return (path, true, valid ? file : null);
    }
}
