using System;

namespace SoulAtlas.Lint.Computation;

/// <summary>Rounding as the content site's JavaScript does it.</summary>
public static class JsMath
{
    /// <summary>JavaScript <c>Math.round</c>: halves go up (towards +∞), unlike .NET's banker's rounding.</summary>
    public static double Round(double value) => Math.Floor(value + 0.5);

    /// <summary><c>Math.round(value * 10^digits) / 10^digits</c>.</summary>
    public static double Round(double value, int digits)
    {
        var scale = Math.Pow(10, digits);
        return Round(value * scale) / scale;
    }
}
