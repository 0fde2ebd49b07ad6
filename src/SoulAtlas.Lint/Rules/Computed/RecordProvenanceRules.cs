using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Computed;

/// <summary>
/// Checks the APA, plain-text and BibTeX citations against the facts they must state: title,
/// authors, year and URL. Records built before the site moved to /souls/ cite /occupations/; both are accepted.
/// </summary>
public sealed partial class CitationRule : Rule
{
    private const string ApaShapePattern = @"^(?<authors>.*) \((?<year>[^)]*)\)\. (?<title>.*) \[SOUL\]\. SOUL Atlas\. (?<url>\S+)$";
#if NET
    private static readonly Regex ApaShape = ApaShapeRegex();

    [GeneratedRegex(ApaShapePattern, RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ApaShapeRegex();
#else
    private static readonly Regex ApaShape = new(ApaShapePattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
#endif

    private const string TextShapePattern = "^(?<authors>.*)\\. \"(?<title>.*)\\.\" SOUL Atlas, (?<year>[^.]*)\\. (?<url>\\S+?)\\.?$";
#if NET
    private static readonly Regex TextShape = TextShapeRegex();

    [GeneratedRegex(TextShapePattern, RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex TextShapeRegex();
#else
    private static readonly Regex TextShape = new(TextShapePattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
#endif

    private const string AuthorSeparatorPattern = @",\s*(?:&\s*|and\s+)?|\s+&\s+|\s+and\s+";
#if NET
    private static readonly Regex AuthorSeparator = AuthorSeparatorRegex();

    [GeneratedRegex(AuthorSeparatorPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparatorRegex();
#else
    private static readonly Regex AuthorSeparator = new(AuthorSeparatorPattern, RegexOptions.CultureInvariant);
#endif

    // A value runs to the "}" that ends a line before the next field or the closing brace: the
    // generator writes the title as it is, and a title may hold line breaks (a YAML block scalar).
    private const string BibFieldPattern = @"^[ \t]*(?<name>\w+)[ \t]*=[ \t]*\{(?<value>.*?)\},?[ \t]*$(?=\n[ \t]*(?:\w+[ \t]*=|\})|(?![\s\S]))";
#if NET
    private static readonly Regex BibField = BibFieldRegex();

    [GeneratedRegex(BibFieldPattern, RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BibFieldRegex();
#else
    private static readonly Regex BibField = new(BibFieldPattern, RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Singleline);
#endif

    public override RuleDescriptor Descriptor => RuleCatalogue.Citation;

    public override void Check(RuleContext context)
    {
        if (context.Document.Record?["citation"] is not JObject citation)
        {
            return;
        }

        var title = context.Document.Title ?? context.Document.Metadata.Title;
        if (title is null)
        {
            return;
        }

        var facts = CitationBuilder.Facts(context.Document, context.Settings.SiteUrl);
        if (citation["apa"] is JValue { Type: JTokenType.String } apa)
        {
            var match = ApaShape.Match((string)apa!);
            if (!match.Success)
            {
                context.Report(apa, $"citation.apa does not have the form AUTHORS (YEAR). TITLE [SOUL]. SOUL Atlas. URL; expected {Quote.Q(CitationBuilder.Apa(facts, title))}", JsonEdits.Replace(apa, new JValue(CitationBuilder.Apa(facts, title))));
            }
            else
            {
                Compare(context, apa, "citation.apa", match.Groups["authors"].Value, ", ", match.Groups["year"].Value, match.Groups["title"].Value, match.Groups["url"].Value, facts, title, CitationBuilder.Apa(facts, title));
            }
        }

        if (citation["text"] is JValue { Type: JTokenType.String } text)
        {
            var match = TextShape.Match((string)text!);
            if (match.Success)
            {
                Compare(context, text, "citation.text", match.Groups["authors"].Value, ", ", match.Groups["year"].Value, match.Groups["title"].Value, match.Groups["url"].Value, facts, title, CitationBuilder.Text(facts, title));
            }
            else
            {
                context.Report(text, "citation.text does not have the form AUTHORS. \"TITLE.\" SOUL Atlas, YEAR. URL.", JsonEdits.Replace(text, new JValue(CitationBuilder.Text(facts, title))));
            }
        }

        if (citation["bibtex"] is JValue { Type: JTokenType.String } bibtex)
        {
            var fields = BibField.Matches((string)bibtex!).Cast<Match>().GroupBy(m => m.Groups["name"].Value, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Groups["value"].Value, StringComparer.OrdinalIgnoreCase);
            fields.TryGetValue("author", out var authors);
            fields.TryGetValue("year", out var year);
            fields.TryGetValue("title", out var bibTitle);
            fields.TryGetValue("url", out var url);
            Compare(context, bibtex, "citation.bibtex", authors, " and ", year, bibTitle, url, facts, title, CitationBuilder.Bibtex(facts, context.Document.Slug, title));
        }
    }

    private static void Compare(RuleContext context, JToken token, string field, string? authors, string separator, string? year, string? title, string? url, CitationFacts facts, string expectedTitle, string regenerated)
    {
        var problems = new List<string>();
        if (!string.Equals(title, CitationBuilder.CitedTitle(expectedTitle), StringComparison.Ordinal))
        {
            problems.Add($"title {Quote.Q(title)} should be {Quote.Q(expectedTitle)}");
        }

        var expectedAuthors = string.Join(separator, facts.Authors);
        if (!string.Equals(authors, expectedAuthors, StringComparison.Ordinal) && !SameAuthors(authors, facts.Authors))
        {
            problems.Add($"authors {Quote.Q(authors)} should be {Quote.Q(expectedAuthors)}");
        }

        if (facts.Year is not null && !string.Equals(year, facts.Year, StringComparison.Ordinal))
        {
            problems.Add($"year {Quote.Q(year)} should be {Quote.Q(facts.Year)} (version {facts.Version})");
        }

        if (!string.Equals(url, facts.Url, StringComparison.Ordinal) && !string.Equals(url, facts.LegacyUrl, StringComparison.Ordinal))
        {
            problems.Add($"URL {Quote.Q(url)} should be {Quote.Q(facts.Url)}");
        }

        if (problems.Count > 0)
        {
            context.Report(token, $"{field} disagrees with the record: {string.Join("; ", problems)}", JsonEdits.Replace(token, new JValue(regenerated)));
        }
    }

    /// <summary>Author lists are compared as names, whatever joins them (", ", " & ", " and ").</summary>
    private static bool SameAuthors(string? stated, IReadOnlyList<string> expected)
    {
        if (stated is null)
        {
            return false;
        }

        if (string.Equals(stated, string.Join(", ", expected), StringComparison.Ordinal))
        {
            return true;
        }

        var names = AuthorSeparator.Split(stated)
            .Select(n => n.Trim())
            .Where(n => n.Length > 0)
            .ToList();
        return names.SequenceEqual(expected, StringComparer.Ordinal);
    }
}

public sealed class GitConsistencyRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.GitConsistency;

    public override void Check(RuleContext context)
    {
        if (context.Document.Record?["git"] is not JObject git)
        {
            return;
        }

        if (git["revisions"] is JValue { Type: JTokenType.Integer } revisions && git["authors"] is JArray authors)
        {
            long sum = 0;
            foreach (var author in authors)
            {
                if (author is JObject && author["commits"] is JValue { Type: JTokenType.Integer } commits)
                {
                    sum += (long)commits;
                }
            }

            if ((long)revisions != sum)
            {
                context.Report(revisions, $"git.revisions is {(long)revisions}, but the authors' commits add up to {sum}");
            }
        }

        var created = git["created"] is JValue { Type: JTokenType.String } c ? (string)c! : null;
        var updated = git["updated"] is JValue { Type: JTokenType.String } u ? (string)u! : null;
        if (created is not null && updated is not null && string.CompareOrdinal(created, updated) > 0)
        {
            context.Report(git["updated"], $"git.updated {updated} is before git.created {created}");
        }

        if (git["timeline"] is JArray timeline)
        {
            string? previous = null;
            foreach (var entry in timeline)
            {
                if (entry is not JObject || entry["date"] is not JValue { Type: JTokenType.String } dateToken)
                {
                    continue;
                }

                var date = (string)dateToken!;
                if (previous is not null && string.CompareOrdinal(date, previous) < 0)
                {
                    context.Report(dateToken, $"git.timeline entry dated {date} comes after one dated {previous}; the timeline must be in date order");
                    break;
                }

                previous = date;
            }
        }
    }
}
