using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Computation;

/// <summary>
/// Counts words exactly as the content site does: fenced code blocks, inline code spans and HTML
/// tags become a space; each of <c># &gt; * _ - |</c> becomes a space; then every run matching
/// <c>[A-Za-z0-9][A-Za-z0-9'’-]*</c> is one word. So <c>risk-based</c> is 2 words,
/// <c>officer's</c> is 1 and <c>café</c> is 1.
/// </summary>
public static partial class WordCounter
{
    public static int Count(string markdown)
    {
        if (markdown.Length == 0)
        {
            return 0;
        }

        var text = markdown;
        if (text.IndexOf('`') >= 0)
        {
            text = FencedCode().Replace(text, " ");
            text = InlineCode().Replace(text, " ");
        }

        if (text.IndexOf('<') >= 0)
        {
            text = HtmlTag().Replace(text, " ");
        }

        // The separator characters (# > * _ - |) are neither word starts nor continuations
        // once replaced by spaces, so a scan that treats them like any other non-word
        // character counts the same words without building another string.
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsAsciiAlphanumeric(text[i]))
            {
                count++;
                i++;
                while (i < text.Length && (IsAsciiAlphanumeric(text[i]) || text[i] == '\'' || text[i] == '\u2019'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    private static bool IsAsciiAlphanumeric(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

#if NET7_0_OR_GREATER
    [GeneratedRegex("```[\\s\\S]*?```", RegexOptions.CultureInvariant)]
    private static partial Regex FencedCode();

    [GeneratedRegex("`[^`]*`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineCode();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
#else
    private static readonly Regex FencedCodeRegex = new("```[\\s\\S]*?```", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex InlineCodeRegex = new("`[^`]*`", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex HtmlTagRegex = new("<[^>]+>", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static Regex FencedCode() => FencedCodeRegex;

    private static Regex InlineCode() => InlineCodeRegex;

    private static Regex HtmlTag() => HtmlTagRegex;
#endif
}
