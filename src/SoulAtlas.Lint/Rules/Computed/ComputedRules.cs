using System;
using System.Globalization;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Computed;

public sealed class SectionIdRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.SectionId;

    public override void Check(RuleContext context)
    {
        foreach (var section in context.Document.Sections)
        {
            var expected = context.Computed.Sections[section.Index].Id;
            if (section.RecordEntry?["id"] is JValue { Type: JTokenType.String } id && !string.Equals((string)id!, expected, StringComparison.Ordinal))
            {
                context.Report(id, $"id {Quote.Q((string)id!)} of section {Quote.Q(section.Heading)} should be {Quote.Q(expected)}", JsonEdits.Replace(id, new JValue(expected)));
            }
        }
    }
}

public sealed class WordCountRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.WordCount;

    public override void Check(RuleContext context)
    {
        foreach (var section in context.Document.Sections)
        {
            var expected = context.Computed.Sections[section.Index].WordCount;
            if (section.RecordEntry?["wordCount"] is JValue { Type: JTokenType.Integer } stored && (long)stored != expected)
            {
                context.Report(stored, $"wordCount of section {Quote.Q(section.Heading)} is {(long)stored}, but its markdown has {expected} words", JsonEdits.Replace(stored, new JValue(expected)));
            }
        }

        if ((context.Document.Record?["computed"] as JObject)?["wordCount"] is JValue { Type: JTokenType.Integer } total && (long)total != context.Computed.WordCount)
        {
            context.Report(total, $"computed.wordCount is {(long)total}, but the sections have {context.Computed.WordCount} words", JsonEdits.Replace(total, new JValue(context.Computed.WordCount)));
        }
    }
}

public sealed class ReadingTimeRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.ReadingTime;

    public override void Check(RuleContext context)
    {
        if ((context.Document.Record?["computed"] as JObject)?["readingTimeMinutes"] is JValue { Type: JTokenType.Integer or JTokenType.Float } stored
            && Math.Abs((double)stored - context.Computed.ReadingTimeMinutes) > 1e-9)
        {
            context.Report(stored, $"computed.readingTimeMinutes is {Format((double)stored)}, but {context.Computed.WordCount} words read in {context.Computed.ReadingTimeMinutes} minutes", JsonEdits.Replace(stored, new JValue(context.Computed.ReadingTimeMinutes)));
        }
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

public sealed class CompletenessRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.Completeness;

    public override void Check(RuleContext context)
    {
        if ((context.Document.Record?["computed"] as JObject)?["completeness"] is JValue { Type: JTokenType.Integer or JTokenType.Float } stored
            && Math.Abs((double)stored - context.Computed.Completeness) > 1e-9)
        {
            var why = context.Document.IsFederated ? " (federated occupations are always complete)" : string.Empty;
            context.Report(stored, $"computed.completeness is {ReadingTimeRule.Format((double)stored)}, but the sections give {ReadingTimeRule.Format(context.Computed.Completeness)}{why}", JsonEdits.Replace(stored, JsonEdits.Number(context.Computed.Completeness)));
        }
    }
}

public sealed class TrustFlagsRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.TrustFlags;

    public override void Check(RuleContext context)
    {
        if (context.Document.Record?["computed"] is not JObject computed)
        {
            return;
        }

        var c = context.Computed;
        Compare(context, computed, "verified", c.Verified, "reviewers or last_reviewed are " + (c.Verified ? "recorded" : "not recorded"), required: false);
        Compare(context, computed, "aiDrafted", c.AiDrafted, $"provenance is {Quote.Q(context.Document.Metadata.Provenance)}", required: false);
        Compare(context, computed, "unverifiedAiDraft", c.UnverifiedAiDraft, $"aiDrafted is {Lower(c.AiDrafted)} and verified is {Lower(c.Verified)}", required: false);

        // Older records predate the federated flag: its absence is only stale for a federated occupation.
        Compare(context, computed, "federated", c.Federated, c.Federated ? "metadata.source.origin is set" : "metadata.source.origin is not set", required: c.Federated);
    }

    private static void Compare(RuleContext context, JObject computed, string name, bool expected, string because, bool required)
    {
        var token = computed[name];
        if (token is null)
        {
            if (required || expected)
            {
                context.ReportKey(computed, $"computed.{name} is missing; expected {Lower(expected)} because {because}", JsonEdits.InsertFirst(computed, name, new JValue(expected)));
            }

            return;
        }

        if (token is JValue { Type: JTokenType.Boolean } value && (bool)value != expected)
        {
            context.Report(value, $"computed.{name} is {Lower((bool)value)}, but should be {Lower(expected)} because {because}", JsonEdits.Replace(value, new JValue(expected)));
        }
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
