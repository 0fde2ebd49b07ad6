using System.Globalization;
using System.Text;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// Text from content (a slug, a title, a path, a line of a file) made safe to print on a terminal.
/// Content is written by strangers: an ESC or CSI byte starts an escape sequence that can move the
/// cursor, rewrite earlier lines, set the window title or (OSC 8, OSC 52) plant links and write the
/// clipboard; a bare carriage return or backspace hides what was printed before it; bidirectional
/// controls reorder what the reader sees. None of them may reach a terminal raw.
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// Whether <paramref name="c"/> must not be printed as it is: C0 controls (tab included), DEL,
    /// C1 controls (U+0080–U+009F; U+009B is a one-character CSI), the bidirectional embedding,
    /// override and isolate controls and marks, the line and paragraph separators, and a lone
    /// surrogate (half a character, which terminals print unpredictably).
    /// </summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007f' && c <= '\u009f')
        || c is '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>Whether <paramref name="text"/> can be printed as it is.</summary>
    public static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) || IsLoneSurrogate(text, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text with every unsafe character written as an escape (<c>\e</c> for ESC, <c>\t</c>,
    /// <c>\n</c>, <c>\r</c>, otherwise <c>\u001b</c> style), for messages, paths and slugs: the reader sees
    /// that the content holds a control character, and which. Text that is already safe is returned as is.
    /// </summary>
    public static string Escape(string text)
    {
        if (IsSafe(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c) && !IsLoneSurrogate(text, i))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u001b' => "\\e",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text with every unsafe character replaced by one visible character, so that columns keep
    /// their places (for a code frame with a caret under a column): a C0 control by its Unicode
    /// control picture (ESC shows as ␛), a tab by a space, anything else by U+FFFD.
    /// </summary>
    public static string Picture(string text)
    {
        if (IsSafe(text))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '\t')
            {
                chars[i] = ' ';
            }
            else if (c < ' ')
            {
                chars[i] = (char)('\u2400' + c);
            }
            else if (c == '\u007f')
            {
                chars[i] = '\u2421';
            }
            else if (IsUnsafe(c) || IsLoneSurrogate(text, i))
            {
                chars[i] = '\ufffd';
            }
        }

        return new string(chars);
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
