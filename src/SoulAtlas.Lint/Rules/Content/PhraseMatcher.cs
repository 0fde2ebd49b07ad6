using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// One regular expression for a whole phrase list, built once per list: whole words, any letter
/// case, any run of white space (line breaks included) between the words of a phrase, either
/// apostrophe, and any hyphen.
/// </summary>
internal sealed class PhraseMatcher
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, PhraseMatcher> Cache = new();

    private readonly Regex? _regex;
    private readonly string[] _phrases;

    private PhraseMatcher(IReadOnlyList<string> phrases)
    {
        // Longest first, so that "navigate the complexities" wins over a shorter phrase inside it.
        _phrases = phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray();
        if (_phrases.Length > 0)
        {
            var pattern = "(?<![\\p{L}\\p{N}_])(?:" + string.Join("|", _phrases.Select(p => "(" + PatternOf(p) + ")")) + ")(?![\\p{L}\\p{N}_])";
            _regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    public static PhraseMatcher For(IReadOnlyList<string> phrases) => Cache.GetValue(phrases, p => new PhraseMatcher(p));

    /// <summary>Every match in <paramref name="text"/>: where it starts, how long it is, and the listed phrase it matches.</summary>
    public IEnumerable<(int Start, int Length, string Phrase)> Matches(string text)
    {
        if (_regex is null)
        {
            yield break;
        }

        for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
        {
            for (var g = 1; g < match.Groups.Count; g++)
            {
                if (match.Groups[g].Success)
                {
                    yield return (match.Index, match.Length, _phrases[g - 1]);
                    break;
                }
            }
        }
    }

    private static string PatternOf(string phrase)
    {
        var sb = new StringBuilder();
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                sb.Append("\\s+");
            }

            foreach (var c in words[w])
            {
                sb.Append(c switch
                {
                    '\'' or '’' => "['’]",
                    '-' or '‐' or '‑' => "[-‐‑]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return sb.ToString();
    }
}
