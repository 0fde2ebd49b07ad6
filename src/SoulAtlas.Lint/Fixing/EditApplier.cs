using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Fixing;

/// <summary>
/// Applies text edits as ESLint does: sorted by position, identical edits collapsed, and an edit
/// that overlaps one already taken left for the next pass (after which the file is linted again).
/// </summary>
public static class EditApplier
{
    public static (string Text, int Applied) Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits
            .Distinct()
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

        sb.Append(text, position, text.Length - position);
        return (sb.ToString(), applied);
    }
}
