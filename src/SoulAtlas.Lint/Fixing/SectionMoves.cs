using System;
using System.Linq;
using System.Text;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Fixing;

/// <summary>Moves whole sections of a SOUL.md, each from its <c>## </c> line to the next one, byte for byte.</summary>
public static class SectionMoves
{
    /// <summary>
    /// The edit that puts the canonical sections into canonical order. Sections the list does not
    /// know keep their places; the canonical ones are dealt into the remaining places in order. Only
    /// the stretch from the first moved section to the last is rewritten. A file without a final
    /// line break keeps none.
    /// </summary>
    /// <returns>
    /// Null when the order is already canonical, or when moving sections could change more than
    /// their order: a repeated heading, a title line (<c># </c>) after the first section or none at
    /// all (another <c># </c> line could become the title), a section that is not one stretch of
    /// the file, or a soul-lint-disable comment (it could end up above another line).
    /// </returns>
    public static TextEdit? IntoCanonicalOrder(OccupationDocument document, SectionList sectionList)
    {
        var sections = document.Sections;
        if (document.Form != DocumentForm.Source || sections.Count < 2)
        {
            return null;
        }

        var file = sections[0].HeadingRange.File;
        var text = file.Text;
        if (sections.Any(s => s.Pieces is not null || !ReferenceEquals(s.HeadingRange.File, file))
            || document.TitleRange is not { } title || !ReferenceEquals(title.File, file) || title.Start > sections[0].HeadingRange.Start
            || text.IndexOf("soul-lint-disable", StringComparison.Ordinal) >= 0
            || sections.Select(s => s.Heading).Distinct(StringComparer.Ordinal).Count() != sections.Count)
        {
            return null;
        }

        var n = sections.Count;
        var starts = sections.Select(s => LineStart(text, s.HeadingRange.Start)).ToArray();
        for (var i = 1; i < n; i++)
        {
            if (starts[i] <= starts[i - 1])
            {
                return null;
            }
        }

        var blocks = new string[n];
        for (var i = 0; i < n; i++)
        {
            var end = i + 1 < n ? starts[i + 1] : text.Length;
            blocks[i] = text.Substring(starts[i], end - starts[i]);
        }

        // Every block but the last ends with a line break; so must the last, wherever it goes.
        var finalBreak = text.EndsWith("\n", StringComparison.Ordinal);
        var lineBreak = blocks[n - 2].EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (!finalBreak)
        {
            blocks[n - 1] += lineBreak;
        }

        var known = Enumerable.Range(0, n).Where(i => sectionList.Find(sections[i].Heading) is not null).ToList();
        var sorted = known.OrderBy(i => sectionList.Find(sections[i].Heading)!.Order).ToList();
        var order = Enumerable.Range(0, n).ToArray();
        for (var k = 0; k < known.Count; k++)
        {
            order[known[k]] = sorted[k];
        }

        var moved = Enumerable.Range(0, n).Where(i => order[i] != i).ToList();
        if (moved.Count == 0)
        {
            return null;
        }

        var first = moved[0];
        var last = moved[^1];
        var sb = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            sb.Append(blocks[order[i]]);
        }

        if (!finalBreak && last == n - 1)
        {
            sb.Length -= sb.Length > 1 && sb[sb.Length - 2] == '\r' ? 2 : 1;
        }

        var to = last + 1 < n ? starts[last + 1] : text.Length;
        return new TextEdit(new SourceRange(file, starts[first], to), sb.ToString());
    }

    private static int LineStart(string text, int offset)
    {
        var i = offset;
        while (i > 0 && text[i - 1] != '\n')
        {
            i--;
        }

        return i;
    }
}
