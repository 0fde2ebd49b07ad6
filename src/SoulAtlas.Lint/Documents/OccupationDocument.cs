using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

public enum DocumentForm
{
    /// <summary>A published JSON record (<c>/api/souls/&lt;slug&gt;.json</c>).</summary>
    Record,

    /// <summary>An authored folder: <c>souls/&lt;slug&gt;/SOUL.md</c> + <c>metadata.yaml</c>.</summary>
    Source,
}

/// <summary>One H2 section of a SOUL, with where its heading and body stand in the edited file.</summary>
public sealed class Section
{
    public Section(int index, string heading, SourceRange headingRange, string markdown, SourceRange markdownRange, JObject? recordEntry)
    {
        Index = index;
        Heading = heading;
        HeadingRange = headingRange;
        Markdown = markdown;
        MarkdownRange = markdownRange;
        RecordEntry = recordEntry;
    }

    public int Index { get; }

    public string Heading { get; }

    public SourceRange HeadingRange { get; }

    public string Markdown { get; }

    public SourceRange MarkdownRange { get; }

    /// <summary>The <c>sections[i]</c> object of a record; null for sources.</summary>
    public JObject? RecordEntry { get; }
}

/// <summary>
/// One occupation, parsed once. Records keep their whole JSON tree; every value in it carries its
/// location (<see cref="JsonNodeSpan"/>), so rules report a token and the engine resolves the range.
/// </summary>
public sealed class OccupationDocument
{
    public OccupationDocument(
        DocumentForm form,
        SourceFile primaryFile,
        string pathSlug,
        JObject? record,
        JObject? metadata,
        IReadOnlyList<Section> sections,
        IReadOnlyList<DuplicateKey> duplicateKeys)
    {
        Form = form;
        PrimaryFile = primaryFile;
        PathSlug = pathSlug;
        Record = record;
        Metadata = new MetadataView(metadata);
        Sections = sections;
        DuplicateKeys = duplicateKeys;
        Slug = DeclaredSlug ?? pathSlug;
    }

    public DocumentForm Form { get; }

    /// <summary>The record file, or the folder's SOUL.md.</summary>
    public SourceFile PrimaryFile { get; }

    /// <summary>The slug the path implies: the record's file name or the source folder's name.</summary>
    public string PathSlug { get; }

    /// <summary>The slug this document is indexed under: the declared one, else the path's.</summary>
    public string Slug { get; }

    public JObject? Record { get; }

    public MetadataView Metadata { get; }

    public IReadOnlyList<Section> Sections { get; }

    public IReadOnlyList<DuplicateKey> DuplicateKeys { get; }

    /// <summary>The slug the content declares: the record's <c>slug</c>, else <c>metadata.slug</c>.</summary>
    public string? DeclaredSlug => Record?["slug"] is JValue { Type: JTokenType.String } v ? (string)v! : Metadata.Slug;

    /// <summary>The page title: the record's <c>title</c> (SOUL.md's H1 for sources).</summary>
    public string? Title => Record?["title"] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    public JToken? TitleToken => Record?["title"];

    public bool IsFederated => Metadata.SourceOrigin is not null;

    /// <summary>Where to report something about the document as a whole (its slug, else its start).</summary>
    public SourceRange AnchorRange =>
        JsonLocations.RangeOf(Record?["slug"]) ?? JsonLocations.RangeOf(Metadata.Root?["slug"]) ?? SourceRange.At(PrimaryFile, 0);

    /// <summary>Where a missing section is reported: the key of the sections array, or the document start.</summary>
    public SourceRange SectionsAnchor => JsonLocations.KeyRangeOf(Record?["sections"]) ?? SourceRange.At(PrimaryFile, 0);
}
