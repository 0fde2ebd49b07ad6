namespace SoulAtlas.Lint.Formatting;

/// <summary>How a report is rendered.</summary>
public sealed class ReportOptions
{
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>ANSI colours (a terminal, and neither NO_COLOR nor --no-color).</summary>
    public bool Color { get; init; }

    /// <summary>Show the offending line with a caret under each diagnostic.</summary>
    public bool CodeFrames { get; init; }

    /// <summary>Problems repaired by --fix in this run.</summary>
    public int Fixed { get; init; }
}
