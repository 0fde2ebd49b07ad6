using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Computation;

/// <summary>The facts a citation must state, derived as the site derives them.</summary>
public sealed record CitationFacts(IReadOnlyList<string> Authors, string? Version, string? Year, string Url, string LegacyUrl)
{
    public string AuthorText => string.Join(", ", Authors);
}

public static class CitationBuilder
{
    public const string DefaultSiteUrl = "https://soul-atlas.github.io";

    public static CitationFacts Facts(OccupationDocument document, string siteUrl)
    {
        var authors = new List<string>();
        foreach (var name in document.Metadata.Contributors)
        {
            AddUnique(authors, name);
        }

        var git = document.Record?["git"] as JObject;
        if (git?["authors"] is JArray gitAuthors)
        {
            foreach (var author in gitAuthors)
            {
                if (author is JObject a && a["name"] is JValue { Type: JTokenType.String } name)
                {
                    AddUnique(authors, (string)name!);
                }
            }
        }

        if (authors.Count == 0)
        {
            authors.Add("SOUL Atlas");
        }

        // git.updated || metadata.updated || git.created || metadata.created, where '' is falsy.
        var version = NonEmpty(StringOf(git?["updated"])) ?? NonEmpty(document.Metadata.Updated) ?? NonEmpty(StringOf(git?["created"])) ?? NonEmpty(document.Metadata.Created);
        var year = version is { Length: >= 4 } ? version.Substring(0, 4) : null;
        var root = siteUrl.TrimEnd('/');
        return new CitationFacts(authors, version, year, root + "/souls/" + document.Slug, root + "/occupations/" + document.Slug);
    }

    /// <summary>
    /// The title as a citation shows it. A title that is an ISO timestamp was a date in
    /// metadata.yaml (an unquoted <c>title: 2026-01-01</c>): the record's JSON shows the date's
    /// ISO form, but the citation interpolates the date itself, in JavaScript's
    /// <c>Date.prototype.toString</c> form (the site builds in UTC).
    /// </summary>
    public static string CitedTitle(string title)
    {
        if (title.Length == 24 && title[4] == '-' && title[10] == 'T' && title[23] == 'Z'
            && DateTime.TryParseExact(title, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToString("ddd MMM dd yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " GMT+0000 (Coordinated Universal Time)";
        }

        return title;
    }

    /// <summary>The APA line: <c>AUTHORS (YEAR). TITLE [SOUL]. SOUL Atlas. URL</c>.</summary>
    public static string Apa(CitationFacts facts, string title) =>
        $"{facts.AuthorText} ({facts.Year ?? "n.d."}). {CitedTitle(title)} [SOUL]. SOUL Atlas. {facts.Url}";

    /// <summary>The plain-text line: <c>AUTHORS. "TITLE." SOUL Atlas, YEAR. URL.</c></summary>
    public static string Text(CitationFacts facts, string title) =>
        $"{facts.AuthorText}. \"{CitedTitle(title)}.\" SOUL Atlas, {facts.Year ?? "n.d."}. {facts.Url}.";

    /// <summary>The BibTeX entry, laid out as the site lays it out.</summary>
    public static string Bibtex(CitationFacts facts, string slug, string title) =>
        $"@misc{{soulatlas-{slug},\n" +
        $"  title        = {{{CitedTitle(title)}}},\n" +
        $"  author       = {{{string.Join(" and ", facts.Authors)}}},\n" +
        $"  year         = {{{facts.Year ?? "n.d."}}},\n" +
        "  howpublished = {SOUL Atlas},\n" +
        $"  note         = {{SOUL.md{(facts.Version is null ? string.Empty : ", version " + facts.Version)}}},\n" +
        $"  url          = {{{facts.Url}}}\n" +
        "}";

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? StringOf(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string)v! : null;

    private static void AddUnique(List<string> list, string value)
    {
        // A Set, as the site builds it: an empty name is a name (and shows as an empty author).
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
