using System;
using System.Globalization;
using System.Text;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Whether a URL runs script when a browser follows or loads it. The value is taken after the HTML
/// or Markdown parser has decoded its entities (<c>&amp;#x6A;avascript:</c> is already
/// <c>javascript:</c>); what remains of an obfuscation is letter case and the white space and
/// control characters that browsers drop from a URL before they read its scheme.
/// </summary>
internal static class ScriptUrls
{
    private static readonly string[] ScriptSchemes = { "javascript:", "vbscript:", "livescript:" };

    // An image may be an SVG data URL: browsers do not run script in it, so only documents count.
    private static readonly string[] ScriptDataTypes = { "text/html", "application/xhtml+xml" };

    /// <summary>The script-capable scheme the URL uses (<c>javascript:</c>, <c>data:text/html</c>…), or null.</summary>
    public static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var squeezed = Squeeze(url, Math.Min(url.Length, colon + 1 + 40));
        foreach (var scheme in ScriptSchemes)
        {
            if (squeezed.StartsWith(scheme, StringComparison.Ordinal))
            {
                return scheme;
            }
        }

        if (squeezed.StartsWith("data:", StringComparison.Ordinal))
        {
            foreach (var type in ScriptDataTypes)
            {
                if (string.CompareOrdinal(squeezed, 5, type, 0, type.Length) == 0)
                {
                    return "data:" + type;
                }
            }
        }

        return null;
    }

    /// <summary>A value for a message: shortened, with control characters made visible.</summary>
    public static string Show(string value, int max = 60)
    {
        var sb = new StringBuilder(Math.Min(value.Length, max) + 8);
        foreach (var c in value)
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }

            if (c < ' ' || c == '\u007f')
            {
                sb.Append(c switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The first <paramref name="length"/> characters lower-cased, without white space or control characters.</summary>
    public static string Squeeze(string url, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = url[i];
            if (c <= ' ' || c == '\u007f' || char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
