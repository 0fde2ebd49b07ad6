using System;
using System.Collections.Generic;
using Markdig.Syntax;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>The sections whose markdown the body rules judge.</summary>
internal static class BodySections
{
    /// <summary>
    /// A source's sections, and a record's unless its occupation's source folder is in the corpus:
    /// then the folder is what contributors edit, and its SOUL.md is checked instead, once.
    /// </summary>
    public static IReadOnlyList<Section> Editable(OccupationDocument document) =>
        document.Form == DocumentForm.Record && document.Source is not null ? Array.Empty<Section>() : document.Sections;

    /// <summary>
    /// A section's syntax tree, or null when the body could not be parsed; then a resource-limit
    /// diagnostic says where and why, once per section, whichever body rule asked first.
    /// </summary>
    public static MarkdownDocument? SyntaxOf(RuleContext context, Section section)
    {
        var syntax = section.Syntax;
        if (section.SyntaxProblem is not { } problem)
        {
            return syntax;
        }

        if (!section.SyntaxProblemReported)
        {
            section.SyntaxProblemReported = true;
            var at = Math.Min(problem.Offset, section.Markdown.Length);
            context.Report(RuleCatalogue.ResourceLimit, section.RangeOf(at, Math.Min(at + 1, section.Markdown.Length)), $"section {Quote.Q(section.Heading)}: {problem.Message}");
        }

        return null;
    }
}
