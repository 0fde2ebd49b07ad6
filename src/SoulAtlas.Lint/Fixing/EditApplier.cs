using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Fixing;

/// <summary>
/// Applies fixes as ESLint does: each fix's edits merged into one (so a fix is applied whole or
/// not at all), sorted by position, identical fixes collapsed, and a fix that overlaps one already
/// taken left for the next pass (after which the file is linted again).
/// </summary>
public static class EditApplier
{
    /// <summary>Applies <paramref name="edits"/>, each a fix of its own.</summary>
    public static (string Text, int Applied) Apply(string text, IEnumerable<TextEdit> edits)
    {
        var (result, _, applied) = Apply(text, false, edits.Select(e => (IReadOnlyList<TextEdit>)new[] { e }));
        return (result, applied);
    }

    /// <summary>
    /// Applies <paramref name="fixes"/> to a file's text and its byte-order mark (which a fix may
    /// remove, <see cref="TextEdit.RemoveByteOrderMark"/>). <c>Applied</c> counts the fixes taken.
    /// </summary>
    public static (string Text, bool ByteOrderMark, int Applied) Apply(string text, bool byteOrderMark, IEnumerable<IReadOnlyList<TextEdit>> fixes)
    {
        var merged = new List<TextEdit>();
        var removesMark = false;
        foreach (var fix in fixes)
        {
            if (fix.Count > 0 && fix.All(e => e.RemovesByteOrderMark))
            {
                removesMark = true;
            }
            else if (Merge(text, fix) is { } edit)
            {
                merged.Add(edit);
            }
        }

        // Identical fixes (two rules removing one entry) are one fix; the file's text is the same
        // whichever parse of it an edit came from.
        var ordered = merged
            .GroupBy(e => (e.Range.Start, e.Range.End, e.NewText))
            .Select(g => g.First())
            .OrderBy(e => e.Range.Start)
            .ThenBy(e => e.Range.End)
            .ToList();
        var sb = new StringBuilder(text.Length);
        var position = 0;
        var applied = 0;
        foreach (var edit in ordered)
        {
            if (edit.Range.Start < position || edit.Range.End > text.Length)
            {
                continue;
            }

            sb.Append(text, position, edit.Range.Start - position).Append(edit.NewText);
            position = Math.Max(edit.Range.End, edit.Range.Start);
            applied++;
        }

        if (removesMark && byteOrderMark)
        {
            byteOrderMark = false;
            applied++;
        }

        sb.Append(text, position, text.Length - position);
        return (sb.ToString(), byteOrderMark, applied);
    }

    /// <summary>
    /// One edit doing what the fix's edits do: from the first one's start to the last one's end, the
    /// text between them kept. Null for a fix whose edits overlap, leave the text, or remove a
    /// byte-order mark along with other changes.
    /// </summary>
    private static TextEdit? Merge(string text, IReadOnlyList<TextEdit> fix)
    {
        if (fix.Count == 0)
        {
            return null;
        }

        if (fix.Count == 1)
        {
            return fix[0].RemovesByteOrderMark ? null : fix[0];
        }

        var edits = fix.OrderBy(e => e.Range.Start).ThenBy(e => e.Range.End).ToList();
        if (edits[0].RemovesByteOrderMark || edits[^1].Range.End > text.Length)
        {
            return null;
        }

        var sb = new StringBuilder();
        var position = edits[0].Range.Start;
        foreach (var edit in edits)
        {
            if (edit.Range.Start < position || edit.Range.End < edit.Range.Start)
            {
                return null;
            }

            sb.Append(text, position, edit.Range.Start - position).Append(edit.NewText);
            position = edit.Range.End;
        }

        return new TextEdit(new SourceRange(edits[0].Range.File, edits[0].Range.Start, position), sb.ToString());
    }
}
