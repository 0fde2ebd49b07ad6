using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Computation;

/// <summary>A section as the site publishes it: heading, anchor id and word count.</summary>
public sealed record SectionComputation(string Heading, string Id, int WordCount);

/// <summary>The <c>computed</c> block of a record, recomputed from the content.</summary>
public sealed class ComputedMetadata
{
    public ComputedMetadata(
        string slug,
        IReadOnlyList<SectionComputation> sections,
        int wordCount,
        int readingTimeMinutes,
        double completeness,
        IReadOnlyList<string> backlinks,
        bool verified,
        bool aiDrafted,
        bool federated)
    {
        Slug = slug;
        Sections = sections;
        WordCount = wordCount;
        ReadingTimeMinutes = readingTimeMinutes;
        Completeness = completeness;
        Backlinks = backlinks;
        Verified = verified;
        AiDrafted = aiDrafted;
        Federated = federated;
    }

    public string Slug { get; }

    /// <summary>The page title: <c>metadata.title || H1 || slug</c>, with JavaScript's falsy strings.</summary>
    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<SectionComputation> Sections { get; }

    public int WordCount { get; }

    public int ReadingTimeMinutes { get; }

    public double Completeness { get; }

    public IReadOnlyList<string> Backlinks { get; }

    public bool Verified { get; }

    public bool AiDrafted { get; }

    public bool UnverifiedAiDraft => AiDrafted && !Verified;

    public bool Federated { get; }
}

/// <summary>Derives computed metadata exactly as the content site's generator does (spec §2).</summary>
public static class ComputedCalculator
{
    public const int WordsPerMinute = 225;

    public static ComputedMetadata Compute(OccupationDocument document, SectionList sectionList, IReadOnlyList<string> backlinks)
    {
        var sections = new List<SectionComputation>(document.Sections.Count);
        var total = 0;
        foreach (var section in document.Sections)
        {
            var words = section.WordCount(WordCounter.Count);
            total += words;
            sections.Add(new SectionComputation(section.Heading, HeadingSlugger.Slug(section.Heading), words));
        }

        var federated = document.IsFederated;
        var metadata = document.Metadata;
        var verified = metadata.IsVerified;
        var provenance = metadata.Provenance;
        var aiDrafted = provenance == "ai-generated" || provenance == "ai-assisted";
        return new ComputedMetadata(
            document.Slug,
            sections,
            total,
            ReadingTime(total),
            federated ? 1 : Completeness(sections, sectionList),
            backlinks,
            verified,
            aiDrafted,
            federated)
        {
            Title = PageTitle(document),
        };
    }

    /// <summary>
    /// A published record's title as text: its string title, else a title that is not a string (a
    /// number, an array) as the site prints it; null when the record has none.
    /// </summary>
    public static string? RecordTitle(OccupationDocument record) =>
        record.Title ?? (record.Record?["title"] is { Type: not (JTokenType.Null or JTokenType.Undefined) } other ? PrintedTitle(other) : null);

    /// <summary>The title the site publishes: <c>metadata.title || H1 || slug</c> (an empty string is falsy).</summary>
    public static string PageTitle(OccupationDocument document)
    {
        if (document.Form == DocumentForm.Record && document.Title is { } recordTitle)
        {
            return recordTitle;
        }

        if (document.Metadata.Token("title") is { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Array or JTokenType.Object } other
            && MetadataView.IsTruthy(other))
        {
            // `title: 1776` is a number to the site's YAML reader, `title: [a, b]` an array (truthy even
            // when empty); the page and citation print it as JavaScript does.
            return PrintedTitle(other);
        }

        return document.Metadata.Title is { Length: > 0 } title ? title : document.Title is { Length: > 0 } h1 ? h1 : document.Slug;
    }

    /// <summary>
    /// A title that is not a string as the site's citation interpolates it (JavaScript's
    /// <c>String(value)</c>): a number or boolean as JavaScript prints it, an array as its items
    /// joined with ',' (null and nested arrays as <c>Array.prototype.join</c> has them, a date as
    /// <c>Date.prototype.toString</c>), an object as <c>[object Object]</c>.
    /// </summary>
    public static string PrintedTitle(JToken value) => value switch
    {
        JArray array => string.Join(",", array.Select(item => item.Type is JTokenType.Null or JTokenType.Undefined
            ? string.Empty
            : item is JValue { Type: JTokenType.String } text ? CitationBuilder.CitedTitle((string)text!) : PrintedTitle(item))),
        JObject => "[object Object]",
        JValue { Type: JTokenType.String } text => (string)text!,
        JValue { Type: JTokenType.Null } => "null",
        JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } scalar => JsNumberText(scalar),
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    /// <summary>JavaScript's <c>String(value)</c> of a YAML boolean or number (the usual cases: integers, plain decimals).</summary>
    private static string JsNumberText(JValue value)
    {
        if (value.Type == JTokenType.Boolean)
        {
            return (bool)value! ? "true" : "false";
        }

        if (value.Type == JTokenType.Integer)
        {
            return Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        var d = (double)value!;
        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        return Math.Floor(d) == d && Math.Abs(d) < 1e21 ? d.ToString("F0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    public static int ReadingTime(int wordCount) => (int)Math.Max(1, JsMath.Round(wordCount / (double)WordsPerMinute));

    /// <summary>Required sections present with at least their minWords, over all required sections, to 3 decimals.</summary>
    public static double Completeness(IReadOnlyList<SectionComputation> sections, SectionList sectionList)
    {
        if (sectionList.RequiredCount == 0)
        {
            return 1;
        }

        var met = 0;
        foreach (var spec in sectionList.Sections.Where(s => s.Required))
        {
            // A heading that appears twice counts once, with its first occurrence, as the site does.
            var present = sections.FirstOrDefault(s => string.Equals(s.Heading, spec.Heading, StringComparison.Ordinal));
            if (present is not null && present.WordCount >= spec.MinWords)
            {
                met++;
            }
        }

        return JsMath.Round(met / (double)sectionList.RequiredCount, 3);
    }
}
