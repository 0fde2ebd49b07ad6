using System;
using System.Text;
using System.Text.Json;

namespace SoulAtlas.Lint.Loading;

/// <summary>
/// String values of <see cref="Utf8JsonReader"/> read as <c>JSON.parse</c> reads them. The reader
/// refuses a lone surrogate escape (<c>"\ud800"</c>), which JSON's grammar allows and the site's
/// build accepts; here such an escape becomes that one UTF-16 unit, and the caller is told.
/// </summary>
internal static class JsonStrings
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The current string or property name; <paramref name="loneSurrogate"/> is true when it holds half a surrogate pair.</summary>
    public static string Read(ref Utf8JsonReader reader, out bool loneSurrogate)
    {
        loneSurrogate = false;
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !reader.HasValueSequence)
        {
            loneSurrogate = true;
            return Unescape(reader.ValueSpan);
        }
    }

    /// <summary>Decodes a string's raw bytes (without its quotes), every <c>\uXXXX</c> escape to exactly one UTF-16 unit.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        var plainStart = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            AppendUtf8(sb, raw.Slice(plainStart, i - plainStart));
            var kind = i + 1 < raw.Length ? (char)raw[i + 1] : '\\';
            switch (kind)
            {
                case 'u' when i + 5 < raw.Length && TryHex(raw.Slice(i + 2, 4), out var unit):
                    sb.Append((char)unit);
                    i += 5;
                    break;
                case 'b':
                    sb.Append('\b');
                    i++;
                    break;
                case 'f':
                    sb.Append('\f');
                    i++;
                    break;
                case 'n':
                    sb.Append('\n');
                    i++;
                    break;
                case 'r':
                    sb.Append('\r');
                    i++;
                    break;
                case 't':
                    sb.Append('\t');
                    i++;
                    break;
                default:
                    sb.Append(kind);
                    i++;
                    break;
            }

            plainStart = i + 1;
        }

        AppendUtf8(sb, raw.Slice(Math.Min(plainStart, raw.Length)));
        return sb.ToString();
    }

    private static void AppendUtf8(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            sb.Append(Utf8.GetString(bytes.ToArray()));
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
                : b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
                : -1;
            if (d < 0)
            {
                return false;
            }

            value = (value * 16) + d;
        }

        return true;
    }
}
