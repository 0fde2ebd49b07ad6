using System;
using System.Collections.Generic;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>The sections whose markdown the body rules judge.</summary>
internal static class BodySections
{
    /// <summary>
    /// A source's sections, and a record's unless its occupation's source folder is in the corpus:
    /// then the folder is what contributors edit, and its SOUL.md is checked instead, once.
    /// </summary>
    public static IReadOnlyList<Section> Editable(OccupationDocument document) =>
        document.Form == DocumentForm.Record && document.Source is not null ? Array.Empty<Section>() : document.Sections;
}
