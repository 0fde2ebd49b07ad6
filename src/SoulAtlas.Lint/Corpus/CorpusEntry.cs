using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Corpus;

/// <summary>
/// What the corpus index keeps of one occupation: names, aliases and outgoing links —
/// a few hundred bytes, where the parsed document is tens of kilobytes. Large corpora are indexed
/// from entries alone and each document is parsed again only when it is checked.
/// </summary>
public sealed class CorpusEntry
{
    public CorpusEntry(DocumentForm form, string fullPath, string displayPath, string slug, string? title, IReadOnlyList<string> aliases, IReadOnlyList<string> related)
    {
        Form = form;
        FullPath = fullPath;
        DisplayPath = displayPath;
        Slug = slug;
        Title = title;
        Aliases = aliases;
        Related = related;
    }

    public DocumentForm Form { get; }

    /// <summary>The record file, or the source folder's SOUL.md (metadata.yaml without one).</summary>
    public string FullPath { get; }

    public string DisplayPath { get; }

    public string Slug { get; }

    /// <summary>
    /// The slug the content claims: for a source folder its metadata.slug when set (the folder name
    /// is <see cref="Slug"/>); otherwise <see cref="Slug"/>. Two folders claiming one slug clash.
    /// </summary>
    public string ClaimedSlug { get; init; } = string.Empty;

    /// <summary>metadata.title, else the record title or SOUL.md H1.</summary>
    public string? Title { get; }

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The slugs of related[] entries that are edges of the site's graph (their type is a relationship type).</summary>
    public IReadOnlyList<string> Related { get; }

    /// <summary>Each related[] entry that names a slug, with its type, in order: the typed edges of the knowledge graph.</summary>
    public IReadOnlyList<TypedRelation> Relations { get; init; } = Array.Empty<TypedRelation>();

    /// <summary>
    /// Reads the occupation's page anchors (section ids and the ids of headings inside sections),
    /// which need the section bodies: from the kept document, or by reading the file again.
    /// </summary>
    internal Func<ISet<string>> ReadAnchors { get; init; } = () => new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The entry of a parsed document. With <paramref name="reload"/>, the entry does not hold on to
    /// the document (so a large corpus is not kept in memory) and reads it again for its anchors.
    /// </summary>
    public static CorpusEntry From(OccupationDocument document, Func<OccupationDocument?>? reload = null) => new(
        document.Form,
        document.PrimaryFile.FullPath,
        document.PrimaryFile.DisplayPath,
        document.Slug,
        CorpusIndex.TitleOf(document),
        document.Metadata.Aliases,
        document.Metadata.Related.Where(r => CorpusIndex.IsRelationshipType(r.Type)).Select(r => r.Slug).ToList())
    {
        Relations = document.Metadata.Related.Select(r => new TypedRelation(r.Slug, r.Type)).ToList(),
        ReadAnchors = reload is null ? () => PageAnchors.Of(document) : Reread(reload),
        ClaimedSlug = document.DeclaredSlug ?? document.Slug,
    };

    /// <summary>The same entry, reading its anchors with <paramref name="readAnchors"/> (none when null).</summary>
    internal CorpusEntry Rebind(Func<ISet<string>>? readAnchors) => new(Form, FullPath, DisplayPath, Slug, Title, Aliases, Related)
    {
        Relations = Relations,
        ClaimedSlug = ClaimedSlug,
        ReadAnchors = readAnchors ?? (() => new HashSet<string>(StringComparer.Ordinal)),
    };

    /// <summary>Anchors read by parsing the document again, on demand.</summary>
    internal static Func<ISet<string>> Reread(Func<OccupationDocument?> reload) =>
        () => reload() is { } again ? PageAnchors.Of(again) : new HashSet<string>(StringComparer.Ordinal);
}
