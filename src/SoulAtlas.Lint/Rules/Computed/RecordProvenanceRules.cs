using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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

    private const string BibFieldStartPattern = @"^[ \t]*(?<name>\w+)[ \t]*=[ \t]*\{";
#if NET
    private static readonly Regex BibFieldStart = BibFieldStartRegex();

    [GeneratedRegex(BibFieldStartPattern, RegexOptions.CultureInvariant)]
    private static partial Regex BibFieldStartRegex();
#else
    private static readonly Regex BibFieldStart = new(BibFieldStartPattern, RegexOptions.CultureInvariant);
#endif

    private const string BibNextLinePattern = @"^[ \t]*(?:\w+[ \t]*=|\})";
#if NET
    private static readonly Regex BibNextLine = BibNextLineRegex();

    [GeneratedRegex(BibNextLinePattern, RegexOptions.CultureInvariant)]
    private static partial Regex BibNextLineRegex();
#else
    private static readonly Regex BibNextLine = new(BibNextLinePattern, RegexOptions.CultureInvariant);
#endif

    public override RuleDescriptor Descriptor => RuleCatalogue.Citation;

    public override void Check(RuleContext context)
    {
        if (context.Document.Record?["citation"] is not JObject citation)
        {
            return;
        }

        // A title that is not a string (a number, an array) is published as it is and cited as JavaScript prints it.
        var title = ComputedCalculator.RecordTitle(context.Document) ?? context.Document.Metadata.Title;
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
            var fields = BibFields((string)bibtex!);
            fields.TryGetValue("author", out var authors);
            fields.TryGetValue("year", out var year);
            fields.TryGetValue("title", out var bibTitle);
            fields.TryGetValue("url", out var url);
            Compare(context, bibtex, "citation.bibtex", authors, " and ", year, bibTitle, url, facts, title, CitationBuilder.Bibtex(facts, context.Document.Slug, title));
        }
    }

    /// <summary>
    /// The fields of a BibTeX entry as the site generator writes it, the first of each name: a field
    /// starts a line (<c>name = {</c>), and its value runs to the "}" (then an optional ",") that ends
    /// a line followed by the next field, the closing brace or the end (the title may hold line
    /// breaks, from a YAML block scalar). Found line by line, in time linear in the text, as a single
    /// expression matching across lines would not be on a hostile entry.
    /// </summary>
    internal static Dictionary<string, string> BibFields(string text)
    {
        var lines = text.Split('\n');

        // The first line at or after each that could end a value: it ends with "}", an optional ",",
        // then blanks, and the next line starts a field or closes the entry, or there is none.
        var nextEnd = new int[lines.Length + 1];
        nextEnd[lines.Length] = -1;
        for (var j = lines.Length - 1; j >= 0; j--)
        {
            nextEnd[j] = ValueEnd(lines[j]) >= 0 && (j + 1 == lines.Length || BibNextLine.IsMatch(lines[j + 1])) ? j : nextEnd[j + 1];
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var start = BibFieldStart.Match(lines[i]);
            if (!start.Success)
            {
                continue;
            }

            var first = lines[i].Substring(start.Length);
            var endsHere = ValueEnd(first) is var cut && cut >= 0 && (i + 1 == lines.Length || BibNextLine.IsMatch(lines[i + 1]));
            var last = endsHere ? i : nextEnd[i + 1];
            if (last < 0)
            {
                continue;
            }

            var value = new StringBuilder(endsHere ? first.Substring(0, cut) : first);
            for (var j = i + 1; j <= last; j++)
            {
                value.Append('\n').Append(j == last ? lines[j].Substring(0, ValueEnd(lines[j])) : lines[j]);
            }

            if (!fields.ContainsKey(start.Groups["name"].Value))
            {
                fields.Add(start.Groups["name"].Value, value.ToString());
            }

            i = last;
        }

        return fields;
    }

    /// <summary>Where a value ending on <paramref name="line"/> stops (the index of its closing "}"), or -1 when the line does not end one.</summary>
    private static int ValueEnd(string line)
    {
        var end = line.Length;
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        {
            end--;
        }

        if (end > 0 && line[end - 1] == ',')
        {
            end--;
        }

        return end > 0 && line[end - 1] == '}' ? end - 1 : -1;
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
