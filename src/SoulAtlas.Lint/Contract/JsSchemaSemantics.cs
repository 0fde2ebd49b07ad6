using System;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SoulAtlas.Lint.Contract;

/// <summary>
/// Schema keywords read as the content site's validator reads them (ajv with ajv-formats): a
/// <c>pattern</c> is a JavaScript regular expression (<c>$</c> is the end of the text, a final line
/// break included; <c>\d</c>, <c>\w</c> are ASCII; <c>.</c> stops at every line terminator), string
/// lengths count code points, and the <c>date</c> and <c>uri</c> formats are ajv-formats' own checks.
/// </summary>
public static partial class JsSchemaSemantics
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> matches the JavaScript regular expression <paramref name="pattern"/> (as <c>new RegExp(pattern, "u")</c>).</summary>
    public static bool PatternMatches(string pattern, string value) => PatternRegex(pattern).IsMatch(value);

    /// <summary>The .NET regular expression that matches what the JavaScript one does.</summary>
    public static Regex PatternRegex(string pattern) => Patterns.GetOrAdd(pattern, p => new Regex(ToDotNet(p), RegexOptions.CultureInvariant));

    /// <summary>
    /// A JavaScript pattern rewritten where .NET reads the same text differently: <c>$</c> outside a
    /// class becomes <c>\z</c>, <c>\d</c> <c>\w</c> <c>\s</c> (and their negations) become
    /// JavaScript's classes, and <c>.</c> excludes '\r', U+2028 and U+2029 too. The validator
    /// compiles with the <c>u</c> flag, so what matches any character — <c>.</c>, a negated class,
    /// <c>\D</c> <c>\W</c> <c>\S</c> — takes a character outside the Basic Multilingual Plane (an
    /// emoji, 𝒜) whole, as one character, where .NET would take half of its surrogate pair; and
    /// <c>\u{…}</c> names a code point.
    /// </summary>
    internal static string ToDotNet(string pattern)
    {
        const string Digit = "0-9";
        const string Word = "a-zA-Z0-9_";
        const string Space = "\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        var negatedClassAt = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                var set = next switch
                {
                    'd' or 'D' => Digit,
                    'w' or 'W' => Word,
                    's' or 'S' => Space,
                    _ => null,
                };
                if (set is null && next == 'u' && i + 1 < pattern.Length && pattern[i + 1] == '{' && CodePointEscape(pattern, i + 1) is { } escape)
                {
                    // \u{1F600}: one code point, spelled as its UTF-16 units (a pair is a sequence, so not inside a class).
                    var units = char.ConvertFromUtf32(escape.CodePoint);
                    var spelled = new StringBuilder();
                    foreach (var unit in units)
                    {
                        spelled.Append("\\u").Append(((int)unit).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    sb.Append(units.Length > 1 && !inClass ? "(?:" + spelled + ")" : spelled.ToString());
                    i = escape.End;
                }
                else if (set is null)
                {
                    sb.Append(c).Append(next);
                }
                else if (inClass)
                {
                    // A negated class inside a class has no spelling as ranges; it keeps .NET's reading.
                    sb.Append(char.IsUpper(next) ? "\\" + next : set);
                }
                else
                {
                    sb.Append(char.IsUpper(next) ? WholePair + "[^" : "[").Append(set).Append(char.IsUpper(next) ? "])" : "]");
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
                if (!inClass && negatedClassAt >= 0)
                {
                    // A negated class matches every character it does not list, one outside the BMP whole;
                    // a class that lists surrogates itself is left as .NET reads it.
                    var body = sb.ToString(negatedClassAt, sb.Length - negatedClassAt);
                    if (!HasSurrogate(body))
                    {
                        sb.Insert(negatedClassAt, WholePair).Append(')');
                    }

                    negatedClassAt = -1;
                }
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ']')
            {
                // JavaScript's [] matches nothing (.NET would read ']' as a member).
                sb.Append("(?!)");
                i++;
            }
            else if (c == '[' && i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']')
            {
                // JavaScript's [^] matches any character.
                sb.Append(WholePair).Append("[\\s\\S])");
                i += 2;
            }
            else if (c == '[')
            {
                inClass = true;
                negatedClassAt = -1;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    negatedClassAt = sb.Length;
                    sb.Append(c).Append(pattern[++i]);
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '$')
            {
                sb.Append("\\z");
            }
            else if (c == '.')
            {
                sb.Append(WholePair).Append("[^\\n\\r\\u2028\\u2029])");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The opening of an atomic group that takes a surrogate pair whole before trying the single
    /// unit that follows it, so that a pair is never split (the <c>u</c> flag reads code points).
    /// </summary>
    private const string WholePair = "(?>[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|";

    private static bool HasSurrogate(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return text.IndexOf("\\uD", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\\u{", StringComparison.Ordinal) >= 0;
    }

    /// <summary>The code point of <c>{hex}</c> at <paramref name="brace"/> and the index of its '}', or null when it is not one.</summary>
    private static (int CodePoint, int End)? CodePointEscape(string pattern, int brace)
    {
        var close = pattern.IndexOf('}', brace);
        if (close < 0 || close == brace + 1 || close - brace > 7)
        {
            return null;
        }

        var value = 0;
        for (var i = brace + 1; i < close; i++)
        {
            var digit = pattern[i] switch
            {
                >= '0' and <= '9' => pattern[i] - '0',
                >= 'a' and <= 'f' => pattern[i] - 'a' + 10,
                >= 'A' and <= 'F' => pattern[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF ? (value, close) : null;
    }

    /// <summary>A string's length as ajv counts it: in code points (a surrogate pair is one).</summary>
    public static int Length(string value)
    {
        var length = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    private static readonly int[] DaysInMonth = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    /// <summary>ajv-formats' <c>date</c>: YYYY-MM-DD in ASCII digits, a month of the year, a day of that month (29 February in leap years); any year.</summary>
    public static bool IsDate(string value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (i != 4 && i != 7 && value[i] is < '0' or > '9')
            {
                return false;
            }
        }

        var year = ((value[0] - '0') * 1000) + ((value[1] - '0') * 100) + ((value[2] - '0') * 10) + (value[3] - '0');
        var month = ((value[5] - '0') * 10) + (value[6] - '0');
        var day = ((value[8] - '0') * 10) + (value[9] - '0');
        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month >= 1 && month <= 12 && day >= 1 && day <= (month == 2 && leap ? 29 : DaysInMonth[month]);
    }

    // ajv-formats 3's URI expression (full mode), with \d spelled [0-9] and $ as \z; it is
    // case-insensitive in JavaScript, which for these ASCII classes is the same as lower-casing ASCII letters first.
    private const string UriPatternPattern = @"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::[0-9]*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?\z";

#if NET
    private static readonly Regex UriPattern = UriPatternRegex();

    [GeneratedRegex(UriPatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UriPatternRegex();
#else
    private static readonly Regex UriPattern = new(UriPatternPattern, RegexOptions.CultureInvariant);
#endif

    /// <summary>ajv-formats' <c>uri</c>: a '/' or ':' somewhere, and an absolute URI of ASCII characters, percent escapes well formed.</summary>
    public static bool IsUri(string value)
    {
        if (value.IndexOf('/') < 0 && value.IndexOf(':') < 0)
        {
            return false;
        }

        var lower = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            lower.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return UriPattern.IsMatch(lower.ToString());
    }
}
