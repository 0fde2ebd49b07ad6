using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Editorial;

internal static class IsoDate
{
    public static bool TryParse(JToken? token, out DateTime date)
    {
        date = default;
        return token is JValue { Type: JTokenType.String } v
            && DateTime.TryParseExact((string)v!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Show(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class DateOrderRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.DateOrder;

    public override void Check(RuleContext context)
    {
        var metadata = context.Document.Metadata;
        var hasCreated = IsoDate.TryParse(metadata.Token("created"), out var created);

        if (hasCreated && IsoDate.TryParse(metadata.Token("updated"), out var updated) && updated < created)
        {
            context.Report(metadata.Token("updated"), $"updated {IsoDate.Show(updated)} is before created {IsoDate.Show(created)}");
        }

        var reviews = new List<JToken>();
        if (metadata.Token("last_reviewed") is { } lastReviewed)
        {
            reviews.Add(lastReviewed);
        }

        if (metadata.Reviewers is { } reviewers)
        {
            foreach (var reviewer in reviewers)
            {
                if (reviewer is JObject r && r["date"] is { } date)
                {
                    reviews.Add(date);
                }
            }
        }

        foreach (var review in reviews)
        {
            if (hasCreated && IsoDate.TryParse(review, out var reviewed) && reviewed < created)
            {
                context.Report(review, $"review date {IsoDate.Show(reviewed)} is before created {IsoDate.Show(created)}");
            }
        }

        var dated = new List<JToken?> { metadata.Token("created"), metadata.Token("updated"), (metadata.Token("source") as JObject)?["fetched"] };
        dated.AddRange(reviews);
        foreach (var token in dated)
        {
            if (IsoDate.TryParse(token, out var date) && context.AfterToday(date) is { } today)
            {
                context.Report(token, $"{token!.Path} {IsoDate.Show(date)} is after today ({IsoDate.Show(today)})");
            }
        }
    }
}

public sealed class StableIncompleteRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.StableIncomplete;

    public override void Check(RuleContext context)
    {
        var completeness = context.Computed.Completeness;
        if (context.Document.Metadata.Status == "stable" && completeness < 1)
        {
            context.Report(context.Document.Metadata.Token("status"), $"status is \"stable\" but completeness is {completeness.ToString("0.###", CultureInfo.InvariantCulture)}; complete the required sections or use \"review\"");
        }
    }
}

public sealed class StableUnverifiedRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.StableUnverified;

    public override void Check(RuleContext context)
    {
        var status = context.Document.Metadata.Status;
        if ((status == "stable" || status == "review") && context.Computed.UnverifiedAiDraft)
        {
            context.Report(context.Document.Metadata.Token("status"), $"status is {Quote.Q(status)} but this {context.Document.Metadata.Provenance} SOUL has no reviewers and no last_reviewed date");
        }
    }
}

public sealed class ReviewEvidenceRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.ReviewEvidence;

    public override void Check(RuleContext context)
    {
        var metadata = context.Document.Metadata;
        var lastReviewed = metadata.LastReviewed;
        if (lastReviewed is not null && !metadata.HasReviewers)
        {
            context.Report(metadata.Token("last_reviewed"), $"last_reviewed is {lastReviewed} but no reviewers are named");
        }

        if (lastReviewed is null && metadata.Reviewers is { } reviewers)
        {
            foreach (var reviewer in reviewers)
            {
                if (reviewer is JObject r && r["date"] is null)
                {
                    var name = r["name"] is JValue { Type: JTokenType.String } n ? (string)n! : "a reviewer";
                    context.Report(reviewer, $"reviewer {Quote.Q(name)} has no date and last_reviewed is not set; record when the review happened");
                }
            }
        }
    }
}
