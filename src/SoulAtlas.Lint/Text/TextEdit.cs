namespace SoulAtlas.Lint.Text;

/// <summary>Replace <see cref="Range"/> with <see cref="NewText"/> (an empty range inserts).</summary>
public readonly record struct TextEdit(SourceRange Range, string NewText)
{
    /// <summary>
    /// Removes the file's UTF-8 byte-order mark. The mark is not part of the decoded text, so it
    /// has a range of its own, [-1, 0): it stands just before offset 0.
    /// </summary>
    public static TextEdit RemoveByteOrderMark(SourceFile file) => new(new SourceRange(file, -1, 0), string.Empty);

    /// <summary>Whether this edit removes the byte-order mark rather than changing the text.</summary>
    public bool RemovesByteOrderMark => Range.Start < 0;
}
