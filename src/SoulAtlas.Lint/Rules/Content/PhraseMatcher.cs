using System;
#if NET
using System.Buffers;
#endif
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Finds the phrases of a list in one pass over a text, built once per list: whole words, any
/// letter case, any run of white space (line breaks included) between the words of a phrase,
/// either apostrophe and any hyphen inside a word. A hand-written scan, because a regular
/// expression over a whole corpus with two dozen alternatives is a tenth of a second per run.
/// </summary>
internal sealed class PhraseMatcher
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, PhraseMatcher> Cache = new();

    /// <summary>Phrases by the folded first character, longest first, so that the longest phrase wins.</summary>
    private readonly Dictionary<char, string[]> _byFirst;

    /// <summary>The same, indexed directly for ASCII first characters: the common case, without hashing.</summary>
    private readonly string[]?[] _byAsciiFirst = new string[]?[128];

    private PhraseMatcher(IReadOnlyList<string> phrases)
    {
        _byFirst = phrases
            .Select(p => string.Join(" ", p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0 && IsWordCharacter(p[0]))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .GroupBy(p => Fold(p[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray());
        foreach (var pair in _byFirst)
        {
            if (pair.Key < 128)
            {
                _byAsciiFirst[pair.Key] = pair.Value;
            }
        }
    }

    public static PhraseMatcher For(IReadOnlyList<string> phrases) => Cache.GetValue(phrases, p => new PhraseMatcher(p));

    /// <summary>Every match in <paramref name="text"/>: where it starts, how long it is, and the listed phrase it matches.</summary>
    public IEnumerable<(int Start, int Length, string Phrase)> Matches(string text)
    {
        // Only word starts can begin a phrase: jump from word to word instead of testing every character.
        var i = NextWordCharacter(text, 0);
        while (i >= 0)
        {
            var c = text[i];
            string[]? candidates;
            if (c < 128)
            {
                // ASCII folds to lower case and nothing else, as Fold does.
                candidates = _byAsciiFirst[c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c];
            }
            else
            {
                _byFirst.TryGetValue(Fold(c), out candidates);
            }

            var next = -1;
            if (candidates is not null)
            {
                foreach (var phrase in candidates)
                {
                    var end = MatchAt(text, i, phrase);
                    if (end > 0)
                    {
                        yield return (i, end - i, phrase);
                        next = end;
                        break;
                    }
                }
            }

            // After a match, the text goes on at its end, which is not a word character; else after this word.
            i = NextWordCharacter(text, next >= 0 ? next : WordEnd(text, i + 1));
        }
    }

#if NET
    private static readonly SearchValues<char> AsciiWordCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> AsciiOtherCharacters = SearchValues.Create(AsciiOthers());

    private static string AsciiOthers()
    {
        var others = new StringBuilder();
        for (var c = (char)0; c < 128; c++)
        {
            if (!IsWordCharacter(c))
            {
                others.Append(c);
            }
        }

        return others.ToString();
    }
#endif

    /// <summary>The first word character at or after <paramref name="from"/>, or -1.</summary>
    private static int NextWordCharacter(string text, int from)
    {
#if NET
        while (from < text.Length)
        {
            // Vectorised: skip ASCII that is not a word character; anything else is looked at here.
            var skip = text.AsSpan(from).IndexOfAnyExcept(AsciiOtherCharacters);
            if (skip < 0)
            {
                return -1;
            }

            var at = from + skip;
            if (IsWordCharacter(text[at]))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
#else
        for (var at = from; at < text.Length; at++)
        {
            if (IsWordCharacter(text[at]))
            {
                return at;
            }
        }

        return -1;
#endif
    }

    /// <summary>The first character at or after <paramref name="from"/> that is not a word character, or the text's length.</summary>
    private static int WordEnd(string text, int from)
    {
#if NET
        while (from < text.Length)
        {
            var skip = text.AsSpan(from).IndexOfAnyExcept(AsciiWordCharacters);
            if (skip < 0)
            {
                return text.Length;
            }

            var at = from + skip;
            if (!IsWordCharacter(text[at]))
            {
                return at;
            }

            from = at + 1;
        }

        return text.Length;
#else
        var at = from;
        while (at < text.Length && IsWordCharacter(text[at]))
        {
            at++;
        }

        return at;
#endif
    }

    /// <summary>The end of <paramref name="phrase"/> matched at <paramref name="start"/>, or -1.</summary>
    private static int MatchAt(string text, int start, string phrase)
    {
        var t = start;
        for (var p = 0; p < phrase.Length; p++)
        {
            if (phrase[p] == ' ')
            {
                if (t >= text.Length || !char.IsWhiteSpace(text[t]))
                {
                    return -1;
                }

                while (t < text.Length && char.IsWhiteSpace(text[t]))
                {
                    t++;
                }

                continue;
            }

            if (t >= text.Length || Fold(text[t]) != Fold(phrase[p]))
            {
                return -1;
            }

            t++;
        }

        return t < text.Length && IsWordCharacter(text[t]) ? -1 : t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordCharacter(char c) =>
        c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' : char.IsLetterOrDigit(c);

    /// <summary>One spelling per letter, apostrophe and hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : FoldOther(c);

    private static char FoldOther(char c) => c switch
    {
        '’' => '\'',
        '‐' or '‑' => '-',
        _ => char.ToLowerInvariant(c),
    };
}
