using System;
using System.Globalization;
using System.Text;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// JavaScript's string semantics where the content site's generator (node) relies on them and .NET
/// differs: <c>\s</c> and <c>trim()</c> (which include U+FEFF and not U+0085), the line terminators
/// <c>.</c> does not match, and <c>toLowerCase()</c> (full case mapping: İ becomes i + U+0307, a
/// final capital sigma becomes ς, and the few mappings node's newer Unicode tables have).
/// </summary>
public static class JsString
{
    /// <summary>A character of JavaScript's <c>\s</c> class, which <c>trim()</c> also removes.</summary>
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        _ => c >= '\u2000' && c <= '\u200A',
    };

    /// <summary>A character JavaScript's <c>.</c> does not match.</summary>
    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    /// <summary>JavaScript's <c>trim()</c>.</summary>
    public static string Trim(string value)
    {
        var (start, end) = TrimRange(value, 0, value.Length);
        return start == 0 && end == value.Length ? value : value.Substring(start, end - start);
    }

    /// <summary>The bounds of <paramref name="value"/>[start, end) without JavaScript white space at either end.</summary>
    public static (int Start, int End) TrimRange(string value, int start, int end)
    {
        while (start < end && IsWhiteSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Every run of JavaScript white space replaced by <paramref name="replacement"/> (<c>replace(/\s+/g, r)</c>).</summary>
    public static string CollapseWhiteSpace(string value, string replacement)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsWhiteSpace(value[i]))
            {
                while (i + 1 < value.Length && IsWhiteSpace(value[i + 1]))
                {
                    i++;
                }

                sb.Append(replacement);
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>JavaScript's <c>toLowerCase()</c>.</summary>
    public static string ToLower(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, value[i + 1]);
                sb.Append(char.ConvertFromUtf32(LowerAstral(cp)));
                i++;
                continue;
            }

            switch (c)
            {
                case '\u0130':
                    sb.Append("i\u0307");
                    continue;
                case '\u03A3':
                    sb.Append(IsFinalSigma(value, i) ? '\u03C2' : '\u03C3');
                    continue;
            }

            sb.Append(LowerBmp(c));
        }

        return sb.ToString();
    }

    // Lower-case mappings of letters added in Unicode 16 and 17, which node knows and this runtime may not.
    private static char LowerBmp(char c) => c switch
    {
        '\u1C89' => '\u1C8A',
        '\uA7CB' => '\u0264',
        '\uA7CC' => '\uA7CD',
        '\uA7CE' => '\uA7CF',
        '\uA7D2' => '\uA7D3',
        '\uA7D4' => '\uA7D5',
        '\uA7DA' => '\uA7DB',
        '\uA7DC' => '\u019B',
        _ => char.ToLowerInvariant(c),
    };

    private static int LowerAstral(int cp)
    {
        if (cp is >= 0x10D50 and <= 0x10D65)
        {
            return cp + 0x20;
        }

        if (cp is >= 0x16EA0 and <= 0x16EB8)
        {
            return cp + 0x1B;
        }

        return LowerOf(cp);
    }

    /// <summary>The Unicode category of a code point (on every target framework).</summary>
    public static UnicodeCategory CategoryOf(int cp) =>
#if NET
        CharUnicodeInfo.GetUnicodeCategory(cp);
#else
        CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(cp), 0);
#endif

    private static int LowerOf(int cp) =>
#if NET
        Rune.ToLowerInvariant(new Rune(cp)).Value;
#else
        char.ConvertToUtf32(char.ConvertFromUtf32(cp).ToLowerInvariant(), 0);
#endif

    private static int UpperOf(int cp) =>
#if NET
        Rune.ToUpperInvariant(new Rune(cp)).Value;
#else
        char.ConvertToUtf32(char.ConvertFromUtf32(cp).ToUpperInvariant(), 0);
#endif

    /// <summary>Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorable ones), none after.</summary>
    private static bool IsFinalSigma(string value, int index)
    {
        var before = false;
        for (var j = index - 1; j >= 0; j--)
        {
            var cp = value[j];
            int code = cp;
            if (char.IsLowSurrogate(cp) && j > 0 && char.IsHighSurrogate(value[j - 1]))
            {
                code = char.ConvertToUtf32(value[j - 1], cp);
                j--;
            }

            if (IsCaseIgnorable(code))
            {
                continue;
            }

            before = IsCased(code);
            break;
        }

        if (!before)
        {
            return false;
        }

        for (var j = index + 1; j < value.Length; j++)
        {
            int code = value[j];
            if (char.IsHighSurrogate(value[j]) && j + 1 < value.Length && char.IsLowSurrogate(value[j + 1]))
            {
                code = char.ConvertToUtf32(value[j], value[j + 1]);
                j++;
            }

            if (IsCaseIgnorable(code))
            {
                continue;
            }

            return !IsCased(code);
        }

        return true;
    }

    private static bool IsCased(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        return CategoryOf(cp) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter => true,
            _ => LowerOf(cp) != cp || UpperOf(cp) != cp,
        };
    }

    private static bool IsCaseIgnorable(int cp) => cp switch
    {
        '\'' or '.' or ':' or '^' or '`' or 0xA8 or 0xAD or 0xAF or 0xB4 or 0xB7 or 0xB8 or 0x2018 or 0x2019 or 0x2024 or 0x2027 => true,
        >= 0xD800 and <= 0xDFFF => false,
        _ => CategoryOf(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol,
    };
}
