using System.Collections.Generic;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>
/// A repair a person (or an editor, on their behalf) may choose, which <c>--fix</c> never applies:
/// a title that says what it does (<c>Replace "bridge-keepr" with "bridge-keeper"</c>) and the
/// edits that do it, each in the file it changes.
/// </summary>
public sealed record Suggestion(string Title, IReadOnlyList<TextEdit> Edits);
