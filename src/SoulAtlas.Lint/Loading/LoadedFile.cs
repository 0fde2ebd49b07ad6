using System.Collections.Generic;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Loading;

/// <summary>A problem found while reading a file, before any rule ran.</summary>
public sealed record LoadProblem(RuleDescriptor Rule, SourceRange Range, string Message, Severity? Severity = null, IReadOnlyList<TextEdit>? Fix = null);

public enum LoadOutcome
{
    /// <summary>An occupation document was read (it may still carry problems such as a BOM).</summary>
    Occupation,

    /// <summary>Well-formed JSON that is not an occupation record.</summary>
    NotAnOccupation,

    /// <summary>The file could not be read or parsed; see the problems.</summary>
    Broken,
}

/// <summary>The result of reading one record file or one source folder: a document, or problems, or both.</summary>
public sealed class LoadedFile
{
    public LoadedFile(string fullPath, string displayPath, LoadOutcome outcome, SourceFile? file, OccupationDocument? document, IReadOnlyList<LoadProblem> problems)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Outcome = outcome;
        File = file;
        Document = document;
        Problems = problems;
    }

    public string FullPath { get; }

    public string DisplayPath { get; }

    public LoadOutcome Outcome { get; }

    public SourceFile? File { get; }

    public OccupationDocument? Document { get; }

    public IReadOnlyList<LoadProblem> Problems { get; }

    /// <summary>
    /// For a record read as a byte-identical twin's parse (<see cref="ForTwin"/>): the twin's file,
    /// which the document's locations and <see cref="Problems"/> name, and which stands for this one.
    /// </summary>
    public SourceFile? LocatedIn { get; private init; }

    /// <summary>
    /// This record's parse taken as that of <paramref name="fullPath"/>, whose bytes are the same: the
    /// tree and sections are shared (and used from one thread), the file and document are the other's.
    /// </summary>
    public LoadedFile ForTwin(string fullPath, string displayPath)
    {
        var from = File!;
        var file = new SourceFile(fullPath, displayPath, () => from.Text) { IsDocumentText = from.IsDocumentText, HasByteOrderMark = from.HasByteOrderMark };
        return new LoadedFile(fullPath, displayPath, Outcome, file, Document?.ForTwin(file, System.IO.Path.GetFileNameWithoutExtension(fullPath)), Problems)
        {
            LocatedIn = from,
        };
    }

    /// <summary>Every path the unit covers: the record file, or a source folder's SOUL.md and metadata.yaml.</summary>
    public IReadOnlyList<string> Paths
    {
        get => _paths ?? new[] { FullPath };
        init => _paths = value;
    }

    private readonly IReadOnlyList<string>? _paths;
}
