using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Identity;

/// <summary>
/// A record and the source folder of the same occupation must say the same thing: title, every
/// metadata field, and the sections (headings and markdown). Reported in the record, naming the
/// source file that holds the current value.
/// </summary>
public sealed class RecordSourceRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.RecordSource;

    public override void Check(RuleContext context)
    {
        var record = context.Document;
        var source = record.Source;
        if (source is null || record.Record is null)
        {
            return;
        }

        // The site titles a page metadata.title || H1 || slug.
        // A title that is not a string (a number, an array) is compared as the page prints it.
        var sourceTitle = ComputedCalculator.PageTitle(source);
        var recordTitle = ComputedCalculator.RecordTitle(record);
        if (recordTitle is not null && !string.Equals(sourceTitle, recordTitle, StringComparison.Ordinal))
        {
            var where = MetadataView.IsTruthy(source.Metadata.Token("title")) ? "metadata.title" : source.Title is { Length: > 0 } ? "the H1" : "the folder name";
            context.Report(record.TitleRange ?? JsonLocations.RangeOf(record.Record["title"]) ?? record.AnchorRange, $"title {Quote.Q(recordTitle)} differs from {Quote.Q(sourceTitle)} ({where}) in {source.PrimaryFile.DisplayPath}; rebuild the record");
        }

        if (record.Metadata.Root is { } recordMetadata && source.Metadata.Root is { } sourceMetadata)
        {
            var yamlPath = source.Files.FirstOrDefault(f => f.FullPath.EndsWith(SourceLoader.MetadataFileName, StringComparison.Ordinal))?.DisplayPath ?? SourceLoader.MetadataFileName;
            foreach (var key in recordMetadata.Properties().Select(p => p.Name).Union(sourceMetadata.Properties().Select(p => p.Name), StringComparer.Ordinal))
            {
                // The site fills absent fields with their schema defaults (aliases: [], kind: occupation).
                var fallback = DefaultOf(context, key);
                // js-yaml reads `key:` and `key: null` as null, which the site's ??= also replaces.
                var stored = Nullish(recordMetadata[key]) ? fallback : recordMetadata[key];
                var current = Nullish(sourceMetadata[key]) ? fallback : sourceMetadata[key];
                if (JToken.DeepEquals(stored, current))
                {
                    continue;
                }

                if (recordMetadata[key] is null)
                {
                    context.ReportKey(recordMetadata, $"metadata.{key} is missing from the record but set in {yamlPath}; rebuild the record");
                }
                else
                {
                    var now = current is null ? "absent" : Show(current);
                    context.Report(recordMetadata[key], $"metadata.{key} is {Show(stored!)} in the record but {now} in {yamlPath}; rebuild the record");
                }
            }
        }

        var count = Math.Min(record.Sections.Count, source.Sections.Count);
        for (var i = 0; i < count; i++)
        {
            var stored = record.Sections[i];
            var current = source.Sections[i];
            if (!string.Equals(stored.Heading, current.Heading, StringComparison.Ordinal))
            {
                context.Report(stored.HeadingRange, $"section {i + 1} is {Quote.Q(stored.Heading)} in the record but {Quote.Q(current.Heading)} in {source.PrimaryFile.DisplayPath}; rebuild the record");
                return;
            }

            if (!string.Equals(stored.Markdown, current.Markdown, StringComparison.Ordinal))
            {
                var line = current.MarkdownRange.File.GetPosition(current.MarkdownRange.Start).Line;
                context.Report(stored.MarkdownRange, $"the markdown of section {Quote.Q(stored.Heading)} differs from {source.PrimaryFile.DisplayPath} (line {line}); rebuild the record");
            }
        }

        if (record.Sections.Count != source.Sections.Count)
        {
            context.Report(record.SectionsAnchor, $"the record has {record.Sections.Count} sections but {source.PrimaryFile.DisplayPath} has {source.Sections.Count}; rebuild the record");
        }
    }

    private static bool Nullish(JToken? token) => token is null || token.Type == JTokenType.Null;

    private static JToken? DefaultOf(RuleContext context, string key) =>
        context.Contract.MetadataSchema.ActualProperties.TryGetValue(key, out var property) && property.Default is { } value
            ? value as JToken ?? JToken.FromObject(value)
            : null;

    private static string Show(JToken token)
    {
        var text = token.ToString(Newtonsoft.Json.Formatting.None);
        return text.Length <= 60 ? text : text.Substring(0, 57) + "…";
    }
}
