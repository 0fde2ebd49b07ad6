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
    /// JavaScript's classes, and <c>.</c> excludes '\r', U+2028 and U+2029 too.
    /// </summary>
    internal static string ToDotNet(string pattern)
    {
        const string Digit = "0-9";
        const string Word = "a-zA-Z0-9_";
        const string Space = "\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
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
                if (set is null)
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
                    sb.Append(char.IsUpper(next) ? "[^" : "[").Append(set).Append(']');
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    sb.Append(pattern[++i]);
                }
            }
            else if (c == '$')
            {
                sb.Append("\\z");
            }
            else if (c == '.')
            {
                sb.Append("[^\\n\\r\\u2028\\u2029]");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
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
