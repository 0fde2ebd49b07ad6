using System;
using System.IO;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>Where the repository, its fixtures and the shared real-data folder are.</summary>
internal static class TestPaths
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();

    public static string Fixtures => Path.Combine(RepositoryRoot, "fixtures");

    /// <summary>The real corpora beside the checkout (present in CI, absent in a bare clone).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string RecordsSample => Path.Combine(Shared, "corpus", "records-sample");

    public static string ReferenceRecord => Path.Combine(Shared, "reference", "customs-officer.record.json");

    public static bool HasShared => Directory.Exists(RecordsSample) && File.Exists(ReferenceRecord);

    private static string FindRepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "SoulAtlas.Lint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the real corpora in ../shared and is skipped, with the reason, where they are absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!TestPaths.HasShared)
        {
            Skip = "the real corpora (../shared/corpus, ../shared/reference) are not beside this checkout";
        }
    }
}

/// <summary>A fact about Unix file systems (links, FIFOs, modes), skipped with the reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system (symbolic links, FIFOs, file modes)";
        }
    }
}

/// <summary>A fact about permissions, which root does not have to respect: skipped, with the reason, when run as root.</summary>
/// <summary>A fact about what only Linux reports (statx's change time); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "file versions come from statx, which only Linux has";
        }
    }
}

public sealed class NonRootUnixFactAttribute : FactAttribute
{
    public NonRootUnixFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Skip = "root reads every folder whatever its mode; run as another user to check unreadable folders";
        }
    }
}

/// <summary>Corpora the tests assemble in a temporary folder.</summary>
internal static class TestCorpora
{
    /// <summary>The reference record (as customs-officer.json) among the occupations it links to.</summary>
    public static TempFolder ReferenceAmongItsLinks()
    {
        var corpus = new TempFolder();
        corpus.CopyFrom(Path.Combine(TestPaths.Fixtures, "reference-links"));
        File.Copy(TestPaths.ReferenceRecord, Path.Combine(corpus.Path, "customs-officer.json"));
        return corpus;
    }
}

/// <summary>A temporary folder deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "soul-lint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void CopyFrom(string directory)
    {
        foreach (var file in Directory.GetFiles(directory))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    /// <summary>Copies a folder and everything beneath it into this one (or into its subfolder <paramref name="into"/>).</summary>
    public void CopyTree(string directory, string into = "")
    {
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, into, System.IO.Path.GetRelativePath(directory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
