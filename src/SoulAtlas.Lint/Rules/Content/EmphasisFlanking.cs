using System.Globalization;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>CommonMark's flanking rules: whether a run of <c>*</c> or <c>_</c> can open or close emphasis.</summary>
internal static class EmphasisFlanking
{
    /// <summary>
    /// True when the run can open or close emphasis; <paramref name="opens"/> tells which (opening
    /// wins when it can do both). Line ends count as white space.
    /// </summary>
    public static bool CanOpenOrClose(char delimiter, char before, char after, out bool opens)
    {
        var leftFlanking = !IsWhiteSpace(after) && (!IsPunctuation(after) || IsWhiteSpace(before) || IsPunctuation(before));
        var rightFlanking = !IsWhiteSpace(before) && (!IsPunctuation(before) || IsWhiteSpace(after) || IsPunctuation(after));
        bool canOpen;
        bool canClose;
        if (delimiter == '_')
        {
            canOpen = leftFlanking && (!rightFlanking || IsPunctuation(before));
            canClose = rightFlanking && (!leftFlanking || IsPunctuation(after));
        }
        else
        {
            canOpen = leftFlanking;
            canClose = rightFlanking;
        }

        opens = canOpen;
        return canOpen || canClose;
    }

    private static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c);

    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
