using System;

namespace SoulAtlas.Lint.Diagnostics;

public enum Severity
{
    Off = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Off => "off",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "off":
            case "none":
                severity = Severity.Off;
                return true;
            case "info":
            case "information":
                severity = Severity.Info;
                return true;
            case "warn":
            case "warning":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            default:
                severity = Severity.Off;
                return false;
        }
    }
}
