using System;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

/// <summary>
/// Section bodies read the way the content site's renderer (GFM, as the <c>marked</c> library
/// renders it) reads them, as closely as Markdig allows: pipe tables, <c>~~strikethrough~~</c>,
/// autolinks and GitHub heading ids. Task lists and superscript stay off because <c>marked</c> has
/// neither; single-tilde strikethrough, which <c>marked</c> has and Markdig does not, is emulated by
/// the render-hazard rule. The pipelines are immutable, built once and shared by every thread.
/// </summary>
public static class BodyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Build(autoLinks: true);

    /// <summary>
    /// The same without the autolink parser, which stops at every h, f, m and w that follows a
    /// space to try a link (four tenths of the parse time of prose) and can only succeed where
    /// <see cref="MayHoldAutoLink"/> is true; elsewhere both pipelines build the same tree.
    /// </summary>
    private static readonly MarkdownPipeline PipelineWithoutAutoLinks = Build(autoLinks: false);

    private static MarkdownPipeline Build(bool autoLinks)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough);
        if (autoLinks)
        {
            builder.UseAutoLinks();
        }

        return builder
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePreciseSourceLocation()
            .Build();
    }

    /// <summary>Parses a section body; node spans are offsets in <paramref name="markdown"/> (Markdig ends are inclusive).</summary>
    public static MarkdownDocument Parse(string markdown) => Parse(markdown, MayHoldAutoLink(markdown));

    internal static MarkdownDocument Parse(string markdown, bool autoLinks) =>
        Markdown.Parse(markdown, autoLinks ? Pipeline : PipelineWithoutAutoLinks);

    /// <summary>
    /// Markdig's autolinks begin with <c>http://</c>, <c>https://</c>, <c>ftp://</c>, <c>mailto:</c>
    /// or <c>www.</c>, in any letter case. Found from each ':' and '.', because a case-insensitive
    /// substring search is not vectorised in invariant-globalization mode (it measured a tenth of a
    /// run). A capital dotted İ, which lower-cases to i, is taken as a possible "mailto".
    /// </summary>
    internal static bool MayHoldAutoLink(string markdown)
    {
        for (var i = markdown.IndexOf(':'); i >= 0; i = markdown.IndexOf(':', i + 1))
        {
            if ((i + 2 < markdown.Length && markdown[i + 1] == '/' && markdown[i + 2] == '/') || Ascii.LettersAt(markdown, i - 6, "mailto"))
            {
                return true;
            }
        }

        for (var i = markdown.IndexOf('.'); i >= 0; i = markdown.IndexOf('.', i + 1))
        {
            if (Ascii.LettersAt(markdown, i - 3, "www"))
            {
                return true;
            }
        }

        return markdown.IndexOf('\u0130') >= 0;
    }

    /// <summary>A section as the site renders it: its <c>## heading</c>, then its already parsed body.</summary>
    public static string RenderSection(string heading, MarkdownDocument body) =>
        Markdown.ToHtml("## " + heading, Pipeline) + body.ToHtml(Pipeline);
}
