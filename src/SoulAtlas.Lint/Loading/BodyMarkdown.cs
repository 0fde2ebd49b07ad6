using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace SoulAtlas.Lint.Loading;

/// <summary>
/// Section bodies read the way the content site's renderer (GFM, as the <c>marked</c> library
/// renders it) reads them, as closely as Markdig allows: pipe tables, <c>~~strikethrough~~</c>,
/// autolinks and GitHub heading ids. Task lists and superscript stay off because <c>marked</c> has
/// neither; single-tilde strikethrough, which <c>marked</c> has and Markdig does not, is emulated by
/// the render-hazard rule. The pipeline is immutable, built once and shared by every thread.
/// </summary>
public static class BodyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Parses a section body; node spans are offsets in <paramref name="markdown"/> (Markdig ends are inclusive).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>A section as the site renders it: its <c>## heading</c>, then its already parsed body.</summary>
    public static string RenderSection(string heading, MarkdownDocument body) =>
        Markdown.ToHtml("## " + heading, Pipeline) + body.ToHtml(Pipeline);
}
