using System;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Script-capable content in a section: raw HTML blocks and tags in the markdown, link, image,
/// autolink and reference destinations, and a record's stored html (which the site publishes as is).
/// </summary>
public sealed class UnsafeHtmlRule : Rule
{
    public override RuleDescriptor Descriptor => RuleCatalogue.UnsafeHtml;

    public override bool ReadsOnlyItsDocument => true;

    public override void Check(RuleContext context)
    {
        foreach (var section in BodySections.Editable(context.Document))
        {
            if (context.OutOfTime)
            {
                return;
            }

            if (MayHoldHtmlOrLinks(section.Markdown))
            {
                CheckMarkdown(context, section);
            }
        }

        foreach (var section in context.Document.Sections)
        {
            if (context.OutOfTime)
            {
                return;
            }

            if (section.RecordEntry?["html"] is JValue { Type: JTokenType.String } token && JsonLocations.SpanOf(token) is { } span)
            {
                JsonStringMap? map = null;
                foreach (var finding in UnsafeHtmlScanner.Scan((string)token!, context.Caches.Html))
                {
                    var range = (map ??= JsonStringOffsets.MapOf(span.File, span.Start)).ToFileRange(finding.Offset, finding.Offset + finding.Length);
                    context.Report(range, $"stored html of section {Quote.Q(section.Heading)}: {finding.Message}");
                }
            }
        }
    }

    /// <summary>Markdown without a tag, a link destination or a reference definition has nothing to check.</summary>
    private static bool MayHoldHtmlOrLinks(string markdown) =>
        markdown.IndexOf('<') >= 0 || markdown.IndexOf("](", StringComparison.Ordinal) >= 0 || markdown.IndexOf("]:", StringComparison.Ordinal) >= 0;

    private static void CheckMarkdown(RuleContext context, Section section)
    {
        var markdown = section.Markdown;
        if (BodySections.SyntaxOf(context, section) is not { } syntax)
        {
            // Not parsed: read the whole body as HTML, as a browser would read markup it was handed.
            ReportHtml(context, section, 0, markdown);
            return;
        }

        foreach (var node in syntax.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    ReportHtml(context, section, block.Span.Start, markdown.Substring(block.Span.Start, block.Span.Length));
                    break;
                case HtmlInline inline:
                    ReportHtml(context, section, inline.Span.Start, inline.Tag);
                    break;
                case LinkInline { Reference: null } link:
                    ReportUrl(context, section, link.Url, link.UrlSpan.IsEmpty ? link.Span : link.UrlSpan, link.IsImage ? "image source" : "link destination");
                    break;
                case AutolinkInline autolink:
                    ReportUrl(context, section, autolink.Url, autolink.Span, "autolink");
                    break;
                case LinkReferenceDefinition definition:
                    ReportUrl(context, section, definition.Url, definition.UrlSpan, "reference definition");
                    break;
            }
        }
    }

    private static void ReportHtml(RuleContext context, Section section, int start, string html)
    {
        foreach (var finding in UnsafeHtmlScanner.Scan(html, context.Caches.Html))
        {
            context.Report(section.RangeOf(start + finding.Offset, start + finding.Offset + finding.Length), finding.Message);
        }
    }

    private static void ReportUrl(RuleContext context, Section section, string? url, SourceSpan span, string what)
    {
        if (url is null || ScriptUrls.SchemeOf(url) is not { } scheme)
        {
            return;
        }

        var written = span.IsEmpty ? url : section.Markdown.Substring(span.Start, span.Length);
        context.Report(section.RangeOf(span.Start, span.End + 1), $"{what} {Quote.Q(ScriptUrls.Show(written))} is a {scheme} URL, which runs script when the reader follows it");
    }
}
