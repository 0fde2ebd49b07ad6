using System.Runtime.CompilerServices;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// ASCII character tests for the scans that run over every character of a corpus. They are
/// inlined, and they avoid the runtime's case-insensitive searches, which are not vectorised in
/// invariant-globalization mode.
/// </summary>
internal static class Ascii
{
    /// <summary>'0'–'9', 'A'–'Z', 'a'–'z': two unsigned range checks, with 'A'–'Z' folded onto 'a'–'z'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= '9' - '0';

    /// <summary>'A'–'Z' lowered; every other character as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    /// <summary>Whether <paramref name="text"/> spells <paramref name="lowerLetters"/> (lower-case ASCII letters only) at <paramref name="at"/>, in any letter case.</summary>
    public static bool LettersAt(string text, int at, string lowerLetters)
    {
        if (at < 0 || at + lowerLetters.Length > text.Length)
        {
            return false;
        }

        for (var k = 0; k < lowerLetters.Length; k++)
        {
            if ((text[at + k] | 0x20) != lowerLetters[k])
            {
                return false;
            }
        }

        return true;
    }
}
