using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Fixing;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Rules.Identity;

public sealed class TitleMatchesRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.TitleMatches;

    public override void Check(RuleContext context)
    {
        var document = context.Document;
        var title = document.Title;
        var metadataTitle = document.Metadata.Title;
        if (title is null && document.Form == DocumentForm.Source && document.HasBody)
        {
            // The site falls back to metadata.title, then to the slug: the page builds, under a name the contributor never wrote in SOUL.md.
            var shown = metadataTitle is null ? $"the slug {Quote.Q(document.Slug)}" : $"metadata.title {Quote.Q(metadataTitle)}";
            context.Report(Text.SourceRange.At(document.PrimaryFile, 0), $"SOUL.md has no \"# Title\" line (a line starting with \"# \"), so the page is titled from {shown}; add \"# {metadataTitle ?? "Title"}\" as its first line");
            return;
        }

        if (title is null || metadataTitle is null || string.Equals(title, metadataTitle, StringComparison.Ordinal))
        {
            return;
        }

        var what = document.Form == DocumentForm.Record ? "title" : "SOUL.md title";
        var message = $"{what} {Quote.Q(title)} differs from metadata.title {Quote.Q(metadataTitle)}";
        var suggestions = Suggest(document, what, title, metadataTitle);
        if (suggestions.Count > 0)
        {
            context.Report(document.TitleRange ?? document.AnchorRange, message, suggestions);
        }
        else
        {
            context.Report(document.TitleRange ?? document.AnchorRange, message);
        }
    }

    /// <summary>Either side may be the one the author meant: one suggestion for each, where it can be written.</summary>
    private static List<Suggestion> Suggest(OccupationDocument document, string what, string title, string metadataTitle)
    {
        var suggestions = new List<Suggestion>();
        TextEdit? toMetadata;
        TextEdit? toTitle;
        if (document.Form == DocumentForm.Source)
        {
            // The title line is read trimmed and cannot hold a line break.
            toMetadata = document.TitleRange is { } range && metadataTitle.Length > 0 && string.Equals(JsString.Trim(metadataTitle), metadataTitle, StringComparison.Ordinal)
                && !metadataTitle.Any(JsString.IsLineTerminator)
                ? new TextEdit(range, metadataTitle)
                : null;
            toTitle = YamlEdits.ReplaceScalar(document.Metadata.Token("title"), title);
        }
        else
        {
            toMetadata = document.Record?["title"] is JValue { Type: JTokenType.String } recordTitle ? JsonEdits.Replace(recordTitle, new JValue(metadataTitle)) : null;
            toTitle = JsonEdits.Replace(document.Metadata.Token("title")!, new JValue(title));
        }

        if (toMetadata is { } a)
        {
            suggestions.Add(new Suggestion($"Set the {what} to {Quote.Q(metadataTitle)}", new[] { a }));
        }

        if (toTitle is { } b)
        {
            suggestions.Add(new Suggestion($"Set metadata.title to {Quote.Q(title)}", new[] { b }));
        }

        return suggestions;
    }
}
