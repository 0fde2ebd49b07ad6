using System;
using System.Collections.Generic;
using System.Threading;
using Markdig.Syntax;
using Newtonsoft.Json.Linq;
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
    private ParsedBody? _parsed;
    private Section? _sameAs;
    private int _wordCount = -1;
    private JsonStringMap? _literalMap;

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

    /// <summary>
    /// For a source body that is not one substring of SOUL.md (a title line inside the section is
    /// not part of it): where each piece of <see cref="Markdown"/> starts, in the markdown and in the
    /// file, in order. Null when the body is one substring starting at <see cref="MarkdownRange"/>.
    /// </summary>
    public IReadOnlyList<(int Markdown, int File)>? Pieces { get; init; }

    /// <summary>The <c>sections[i]</c> object of a record; null for sources.</summary>
    public JObject? RecordEntry { get; }

    /// <summary>
    /// The body parsed once, on first use, as the site's renderer reads it; node spans are offsets in
    /// <see cref="Markdown"/>. Empty when the body could not be parsed (see <see cref="SyntaxProblem"/>).
    /// </summary>
    public MarkdownDocument Syntax => Parsed.Document;

    /// <summary>Why <see cref="Syntax"/> is empty although the body is not: too costly or too deeply nested to parse; null when it was parsed.</summary>
    public BodyMarkdownProblem? SyntaxProblem => Parsed.Problem;

    /// <summary>
    /// The words of <see cref="Markdown"/> by <paramref name="count"/> (the site's counting), counted
    /// once and kept, and shared with a section of the same markdown as the syntax tree is.
    /// </summary>
    internal int WordCount(Func<string, int> count)
    {
        if (_sameAs is { } same)
        {
            return same.WordCount(count);
        }

        // An int is written whole, so a section read from several threads at worst counts twice.
        if (_wordCount < 0)
        {
            _wordCount = count(Markdown);
        }

        return _wordCount;
    }

    /// <summary>Set once the body rules have reported <see cref="SyntaxProblem"/>, so it is reported once.</summary>
    internal bool SyntaxProblemReported { get; set; }

    /// <summary>
    /// Takes its syntax tree and word count from <paramref name="same"/> (made once, by whichever asks first) when
    /// their markdown is the same: a record's sections are its source's, and both are checked.
    /// Rules only read trees. Both sections must be used from one thread.
    /// </summary>
    internal void ShareSyntaxWith(Section same)
    {
        if (_parsed is null && _wordCount < 0 && !ReferenceEquals(same, this) && string.Equals(Markdown, same.Markdown, StringComparison.Ordinal))
        {
            _sameAs = same;
        }
    }

    private ParsedBody Parsed => _sameAs is { } same ? same.Parsed : LazyInitializer.EnsureInitialized(ref _parsed, () =>
    {
        var document = BodyMarkdown.TryParse(Markdown, out var problem);
        return new ParsedBody(document, problem);
    })!;

    private sealed record ParsedBody(MarkdownDocument Document, BodyMarkdownProblem? Problem);

    /// <summary>
    /// Where the characters [<paramref name="start"/>, <paramref name="end"/>) of <see cref="Markdown"/>
    /// stand in the file. A source body is a substring of SOUL.md; a record body is a JSON string
    /// whose escapes change lengths.
    /// </summary>
    public SourceRange RangeOf(int start, int end)
    {
        var file = MarkdownRange.File;
        if (RecordEntry is null)
        {
            return Pieces is null
                ? new SourceRange(file, MarkdownRange.Start + start, MarkdownRange.Start + end)
                : new SourceRange(file, FileOffset(start), Math.Max(FileOffset(start), FileOffset(end)));
        }

        var literal = MarkdownRange.Start;
        return literal < file.Text.Length && file.Text[literal] == '"'
            ? (_literalMap ??= JsonStringOffsets.MapOf(file, literal)).ToFileRange(start, end)
            : MarkdownRange;
    }

    private int FileOffset(int offset)
    {
        var pieces = Pieces!;
        var piece = pieces[0];
        foreach (var p in pieces)
        {
            if (p.Markdown > offset)
            {
                break;
            }

            piece = p;
        }

        return piece.File + (offset - piece.Markdown);
    }
}

/// <summary>
/// One occupation, parsed once, in either form. Records keep their whole JSON tree, sources their
/// metadata tree; every value in a tree carries its location (<see cref="JsonNodeSpan"/>), and
/// sections carry the ranges of their heading and body, so rules report a target and the engine
/// resolves the location in the file the user edits.
/// </summary>
public sealed class OccupationDocument
{
    public OccupationDocument(
        DocumentForm form,
        SourceFile primaryFile,
        IReadOnlyList<SourceFile> files,
        string pathSlug,
        JObject? record,
        JObject? metadata,
        string? title,
        SourceRange? titleRange,
        IReadOnlyList<Section> sections,
        SourceRange sectionsAnchor,
        bool hasBody,
        IReadOnlyList<DuplicateKey> duplicateKeys)
    {
        Form = form;
        PrimaryFile = primaryFile;
        Files = files;
        PathSlug = pathSlug;
        Record = record;
        Metadata = new MetadataView(metadata);
        Title = title;
        TitleRange = titleRange;
        Sections = sections;
        SectionsAnchor = sectionsAnchor;
        HasBody = hasBody;
        DuplicateKeys = duplicateKeys;
        Slug = form == DocumentForm.Source ? pathSlug : DeclaredSlug ?? pathSlug;
    }

    public DocumentForm Form { get; }

    /// <summary>The record file, or the folder's SOUL.md (metadata.yaml when SOUL.md is missing).</summary>
    public SourceFile PrimaryFile { get; }

    /// <summary>Every file the document was read from.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>The slug the path implies: the record's file name or the source folder's name.</summary>
    public string PathSlug { get; }

    /// <summary>
    /// The slug this document is indexed under. A source folder is known by its folder name, as the
    /// site knows it (a wrong metadata.slug is reported once, not on every link to the folder); a
    /// record by its declared slug, else its file name.
    /// </summary>
    public string Slug { get; }

    public JObject? Record { get; }

    public MetadataView Metadata { get; }

    /// <summary>The page title: the record's <c>title</c>, or SOUL.md's H1.</summary>
    public string? Title { get; }

    public SourceRange? TitleRange { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Where a missing section is reported: the record's sections key, or SOUL.md's title.</summary>
    public SourceRange SectionsAnchor { get; }

    /// <summary>False when the body (SOUL.md) is missing, so section rules have nothing to judge.</summary>
    public bool HasBody { get; }

    public IReadOnlyList<DuplicateKey> DuplicateKeys { get; }

    /// <summary>For a record whose occupation also exists as a source folder: that source, which is what the user edits.</summary>
    public OccupationDocument? Source { get; private set; }

    /// <summary>
    /// Sets <see cref="Source"/>; each section whose markdown is the source's takes the source
    /// section's syntax tree and word count (a record's sections are copies of its folder's, and
    /// both are checked). The two documents are then used from one thread.
    /// </summary>
    internal void AttachSource(OccupationDocument? source)
    {
        Source = source;
        if (source is null)
        {
            return;
        }

        for (var i = 0; i < Math.Min(Sections.Count, source.Sections.Count); i++)
        {
            Sections[i].ShareSyntaxWith(source.Sections[i]);
        }
    }

    /// <summary>
    /// A record byte-identical to this one, in <paramref name="file"/>: the same tree and sections,
    /// whose locations still name this record's file (the engine moves its findings to <paramref name="file"/>).
    /// </summary>
    internal OccupationDocument ForTwin(SourceFile file, string pathSlug) =>
        new(Form, file, new[] { file }, pathSlug, Record, Metadata.Root, Title, TitleRange, Sections, SectionsAnchor, HasBody, DuplicateKeys);

    /// <summary>The slug the content declares: the record's <c>slug</c>, else <c>metadata.slug</c>.</summary>
    public string? DeclaredSlug => Record?["slug"] is JValue { Type: JTokenType.String } v ? (string)v! : Metadata.Slug;

    public bool IsFederated => Metadata.IsFederated;

    /// <summary>Where to report something about the document as a whole (its slug, else its title, else its start).</summary>
    public SourceRange AnchorRange =>
        JsonLocations.RangeOf(Record?["slug"]) ?? JsonLocations.RangeOf(Metadata.Root?["slug"]) ?? TitleRange ?? SourceRange.At(PrimaryFile, 0);
}
