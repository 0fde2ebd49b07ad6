using System.IO;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Tests.Parity;

/// <summary>The one place the differential tests call the engine: default rules, computed metadata collected.</summary>
internal static class ParityLint
{
    public static LintResult Lint(string workingDirectory, params string[] paths)
    {
        var settings = new LintSettings { CollectComputed = true };
        using var corpus = DiskCorpus.Load(paths, workingDirectory, settings);
        return Tests.Lint.Engine.Lint(corpus.Request(settings));
    }

    /// <summary>A source folder read from disk as the engine reads it.</summary>
    public static LoadedFile LoadSource(string folder) =>
        SourceLoader.Load(folder, Read(Path.Combine(folder, SourceLoader.BodyFileName)), Read(Path.Combine(folder, SourceLoader.MetadataFileName)), p => p, LoadLimits.Default);

    /// <summary>A record file read from disk as the engine reads it.</summary>
    public static LoadedFile LoadRecord(string path, string displayPath) =>
        RecordLoader.Load(ContentFile.FromBytes(path, File.ReadAllBytes(path)), displayPath, LoadLimits.Default);

    private static ContentFile? Read(string path) => File.Exists(path) ? ContentFile.FromBytes(path, File.ReadAllBytes(path)) : null;
}
