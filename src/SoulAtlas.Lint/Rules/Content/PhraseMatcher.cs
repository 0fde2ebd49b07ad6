using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Finds the phrases of a list in one pass over a text, built once per list: whole words, any
/// letter case, any run of white space (line breaks included) between the words of a phrase,
/// either apostrophe and any hyphen inside a word. A hand-written scan, because a regular
/// expression over a whole corpus with two dozen alternatives is a tenth of a second per run.
/// </summary>
internal sealed class PhraseMatcher
{
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

    public static PhraseMatcher For(IReadOnlyList<string> phrases) => new(phrases);

    /// <summary>Every match in <paramref name="text"/>: where it starts, how long it is, and the listed phrase it matches.</summary>
    public IEnumerable<(int Start, int Length, string Phrase)> Matches(string text)
    {
        var afterWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            // Only a word start can begin a phrase; the test per character is inlined, which measured
            // faster than vectorised searches between words as short as prose's.
            var c = text[i];
            if (!IsWordCharacter(c))
            {
                afterWord = false;
                continue;
            }

            if (afterWord)
            {
                continue;
            }

            afterWord = true;
            string[]? candidates;
            if (c < 128)
            {
                // ASCII folds to lower case and nothing else, as Fold does.
                candidates = _byAsciiFirst[Ascii.ToLower(c)];
            }
            else
            {
                _byFirst.TryGetValue(Fold(c), out candidates);
            }

            if (candidates is null)
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                var end = MatchAt(text, i, phrase);
                if (end > 0)
                {
                    yield return (i, end - i, phrase);

                    // The match ends before a character that is not a word character.
                    i = end - 1;
                    afterWord = false;
                    break;
                }
            }
        }
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
        c < 128 ? Ascii.IsLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c);

    /// <summary>One spelling per letter, apostrophe and hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c < 128 ? Ascii.ToLower(c) : FoldOther(c);

    private static char FoldOther(char c) => c switch
    {
        '’' => '\'',
        '‐' or '‑' => '-',
        _ => char.ToLowerInvariant(c),
    };
}
