using System;
using System.Buffers;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Computation;

/// <summary>
/// Counts words exactly as the content site does: fenced code blocks (<c>/```[\s\S]*?```/g</c>),
/// then inline code spans (<c>/`[^`]*`/g</c>), then HTML tags (<c>/&lt;[^&gt;]+&gt;/g</c>) become a
/// space; each of <c># &gt; * _ - |</c> becomes a space; then every run matching
/// <c>[A-Za-z0-9][A-Za-z0-9'’-]*</c> is one word. So <c>risk-based</c> is 2 words,
/// <c>officer's</c> is 1 and <c>café</c> is 1.
/// The three replacements are done by hand-written scanners with the regexes' exact leftmost,
/// lazy semantics (the tests hold them to the regexes) on pooled buffers, since this runs over
/// every section of every occupation.
/// </summary>
public static class WordCounter
{
    public static int Count(string markdown)
    {
        if (markdown.Length == 0)
        {
            return 0;
        }

        var hasTick = markdown.IndexOf('`') >= 0;
        var hasTag = markdown.IndexOf('<') >= 0;
        if (!hasTick && !hasTag)
        {
            return CountWords(markdown.AsSpan());
        }

        var a = ArrayPool<char>.Shared.Rent(markdown.Length);
        var b = ArrayPool<char>.Shared.Rent(markdown.Length);
        try
        {
            markdown.AsSpan().CopyTo(a);
            var length = markdown.Length;
            if (hasTick)
            {
                length = ReplaceFences(a, length, b);
                length = ReplaceInlineCode(b, length, a);
            }

            if (hasTag)
            {
                length = ReplaceTags(a, length, b);
                (a, b) = (b, a);
            }

            return CountWords(new ReadOnlySpan<char>(a, 0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(a);
            ArrayPool<char>.Shared.Return(b);
        }
    }

    /// <summary><c>/```[\s\S]*?```/g → " "</c>: an opening fence, then the first fence after it.</summary>
    private static int ReplaceFences(char[] source, int length, char[] target)
    {
        var written = 0;
        var i = 0;
        while (i < length)
        {
            var open = IndexOfFence(source, i, length);
            var close = open < 0 ? -1 : IndexOfFence(source, open + 3, length);
            if (close < 0)
            {
                break;
            }

            Array.Copy(source, i, target, written, open - i);
            written += open - i;
            target[written++] = ' ';
            i = close + 3;
        }

        Array.Copy(source, i, target, written, length - i);
        return written + length - i;
    }

    private static int IndexOfFence(char[] text, int from, int length)
    {
        for (var i = from; i + 2 < length; i++)
        {
            if (text[i] == '`' && text[i + 1] == '`' && text[i + 2] == '`')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>/`[^`]*`/g → " "</c>: a backtick and the next backtick.</summary>
    private static int ReplaceInlineCode(char[] source, int length, char[] target) => ReplacePairs(source, length, target, '`', '`', allowEmpty: true);

    /// <summary><c>/&lt;[^&gt;]+&gt;/g → " "</c>: a '&lt;' and the next '&gt;' with at least one character between.</summary>
    private static int ReplaceTags(char[] source, int length, char[] target) => ReplacePairs(source, length, target, '<', '>', allowEmpty: false);

    private static int ReplacePairs(char[] source, int length, char[] target, char open, char close, bool allowEmpty)
    {
        var written = 0;
        var i = 0;
        var search = 0;
        while (search < length)
        {
            var start = Array.IndexOf(source, open, search, length - search);
            if (start < 0)
            {
                break;
            }

            var end = start + 1 < length ? Array.IndexOf(source, close, start + 1, length - start - 1) : -1;
            if (end < 0)
            {
                break;
            }

            if (!allowEmpty && end == start + 1)
            {
                // "<>" does not match; the regex moves on one character.
                search = start + 1;
                continue;
            }

            Array.Copy(source, i, target, written, start - i);
            written += start - i;
            target[written++] = ' ';
            i = end + 1;
            search = i;
        }

        Array.Copy(source, i, target, written, length - i);
        return written + length - i;
    }

    /// <summary>
    /// Runs of <c>[A-Za-z0-9][A-Za-z0-9'’]*</c>: once <c># &gt; * _ - |</c> are spaces, '-' can no
    /// longer continue a word, and every other character simply separates words.
    /// </summary>
    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Ascii.IsLetterOrDigit(text[i]))
            {
                count++;
                i++;
                while (i < text.Length && (Ascii.IsLetterOrDigit(text[i]) || text[i] == '\'' || text[i] == '\u2019'))
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
}
