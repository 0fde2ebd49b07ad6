using System;
using System.Collections.Generic;
using SoulAtlas.Lint.Rules;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>One finding, located in the file the user edits. Lines and columns are 1-based.</summary>
public sealed class Diagnostic
{
    public Diagnostic(RuleDescriptor rule, Severity severity, string file, int line, int column, int endLine, int endColumn, string? slug, string message)
    {
        Rule = rule;
        Severity = severity;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Slug = slug;
        Message = message;
    }

    /// <summary>
    /// A diagnostic at a range of a file: the only place where 0-based offsets become 1-based lines
    /// and columns. Both travel on: hosts such as Roslyn want the span, editors and logs the line.
    /// </summary>
    public static Diagnostic At(RuleDescriptor rule, Severity severity, Text.SourceRange range, string? slug, string message, IReadOnlyList<Text.TextEdit>? fix = null, IReadOnlyList<Suggestion>? suggestions = null)
    {
        var length = range.File.Text.Length;
        var startOffset = Math.Min(Math.Max(range.Start, 0), length);
        var endOffset = Math.Min(Math.Max(range.End, startOffset), length);
        var start = range.File.GetPosition(startOffset);
        var end = range.File.GetPosition(endOffset);
        return new Diagnostic(rule, severity, range.File.DisplayPath, start.Line, start.Column, end.Line, end.Column, slug, message)
        {
            FullPath = range.File.FullPath,
            Source = range.File,
            Start = startOffset,
            Length = endOffset - startOffset,
            Fix = fix is { Count: > 0 } ? fix : null,
            Suggestions = suggestions is { Count: > 0 } ? suggestions : null,
        };
    }

    public RuleDescriptor Rule { get; }

    public string RuleId => Rule.Id;

    public Severity Severity { get; }

    /// <summary>Path relative to the working directory, with '/' separators.</summary>
    public string File { get; }

    /// <summary>The document's path as the host named it (an absolute path for the CLI and MSBuild).</summary>
    public string? FullPath { get; init; }

    /// <summary>0-based offset of the problem in the document's text (UTF-16 code units, after any byte-order mark).</summary>
    public int Start { get; init; }

    /// <summary>Length of the offending text in UTF-16 code units (0 for a point).</summary>
    public int Length { get; init; }

    /// <summary>The text the diagnostic points into, for code frames and fingerprints.</summary>
    public Text.SourceFile? Source { get; init; }

    /// <summary>
    /// Edits that repair this problem safely, when the rule can repair it here: <c>--fix</c> applies
    /// them, all or none (an edit that overlaps another fix's waits for the next pass).
    /// </summary>
    public IReadOnlyList<Text.TextEdit>? Fix { get; init; }

    /// <summary>Repairs to choose from, which <c>--fix</c> does not apply (the nearest existing slug, either side of a mismatch).</summary>
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public string? Slug { get; }

    public string Message { get; }

    /// <summary>Whether <c>--fix</c> repairs this diagnostic (its rule may repair others and not this one).</summary>
    public bool Fixable => Fix is not null;

    public override string ToString() => $"{File}:{Line}:{Column} {Severity.ToName()} {Message} {Rule.Name}";
}

/// <summary>Orders diagnostics by file, line, column and rule ID, as §5 of the output contract requires.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.File, y.File);
        if (c != 0)
        {
            return c;
        }

        c = x.Line.CompareTo(y.Line);
        if (c != 0)
        {
            return c;
        }

        c = x.Column.CompareTo(y.Column);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.RuleId, y.RuleId);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
