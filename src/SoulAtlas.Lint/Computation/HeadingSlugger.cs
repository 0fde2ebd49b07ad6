using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SoulAtlas.Lint.Computation;

/// <summary>
/// GitHub heading ids: the heading's rendered text (inline markup removed), lower-cased, every
/// character that is not a letter, digit, mark, <c>_</c>, <c>-</c> or space removed, and each
/// space turned into <c>-</c> without collapsing. <c>WHAT CHANGED v1.0 → v2.0</c> becomes
/// <c>what-changed-v10--v20</c>.
/// </summary>
public static class HeadingSlugger
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoLinks().Build();

    public static string Slug(string heading) => SlugOfText(RenderedText(heading));

    /// <summary>The id of a heading whose rendered text (markup already removed) is <paramref name="renderedText"/>.</summary>
    public static string SlugOfText(string renderedText)
    {
        var text = renderedText.ToLowerInvariant();
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                sb.Append('-');
                continue;
            }

            if (c == '-' || c == '_')
            {
                sb.Append(c);
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            var isPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (Keeps(category))
            {
                sb.Append(c);
                if (isPair)
                {
                    sb.Append(text[i + 1]);
                }
            }

            if (isPair)
            {
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The text a reader sees for a heading: code spans keep their content, emphasis and links their text.</summary>
    public static string RenderedText(string heading)
    {
        if (heading.IndexOfAny(MarkupCharacters) < 0)
        {
            return heading;
        }

        MarkdownDocument document;
        try
        {
            // Markdig is quadratic in some repetitions and refuses deep nesting: such a heading is read as written.
            document = Loading.BodyMarkdown.WithinWorkBudget(heading) ? Markdown.Parse("## " + heading, Pipeline) : new MarkdownDocument();
        }
        catch (System.ArgumentException)
        {
            return heading;
        }

        if (document.Count == 0 || document[0] is not HeadingBlock { Inline: { } inline })
        {
            return heading;
        }

        var sb = new StringBuilder(heading.Length);
        Append(inline, sb);
        return sb.ToString();
    }

    /// <summary>
    /// The slug numbered as github-slugger numbers a repeat within one rendering (<c>x</c>,
    /// <c>x-1</c>, <c>x-2</c>…); <paramref name="seen"/> holds the slugs handed out so far.
    /// </summary>
    public static string Numbered(string slug, IDictionary<string, int> seen)
    {
        if (!seen.TryGetValue(slug, out var count))
        {
            seen[slug] = 0;
            return slug;
        }

        string candidate;
        do
        {
            count++;
            candidate = slug + "-" + count.ToString(CultureInfo.InvariantCulture);
        }
        while (seen.ContainsKey(candidate));

        seen[slug] = count;
        seen[candidate] = 0;
        return candidate;
    }

    /// <summary>The text a reader sees of an already parsed heading.</summary>
    public static string RenderedText(ContainerInline inline)
    {
        var sb = new StringBuilder();
        Append(inline, sb);
        return sb.ToString();
    }

    private static readonly char[] MarkupCharacters = { '`', '*', '_', '[', '<', '&', '\\', '~', '!' };

    private static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                sb.Append(' ');
                break;
            case HtmlInline:
                break;
            case AutolinkInline autolink:
                sb.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, sb);
                }

                break;
        }
    }

    private static bool Keeps(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
