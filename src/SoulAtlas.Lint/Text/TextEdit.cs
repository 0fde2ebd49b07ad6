namespace SoulAtlas.Lint.Text;

/// <summary>Replace <see cref="Range"/> with <see cref="NewText"/> (an empty range inserts).</summary>
public readonly record struct TextEdit(SourceRange Range, string NewText);
