using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Disk;

/// <summary>Finds the corpus root of a path and the candidate files beneath it.</summary>
public static class CorpusDiscovery
{
    public const string ConfigFileName = "soul-lint.json";

    private static readonly string[] SkippedDirectories = { ".git", "node_modules", "bin", "obj" };

    /// <summary>
    /// The root whose whole corpus cross-document rules see: the nearest ancestor holding a
    /// soul-lint.json, else the nearest holding a souls/ or mirrored/ folder (a content repository),
    /// else the folder itself (or the file's folder). The search stops at a git work-tree's top.
    /// </summary>
    public static string FindRoot(string fullPath)
    {
        var start = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath) ?? fullPath;
        string? contentRoot = null;
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, ConfigFileName)))
            {
                return dir;
            }

            if (contentRoot is null && IsContentRoot(dir))
            {
                contentRoot = dir;
            }

            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git")))
            {
                break;
            }
        }

        return contentRoot ?? start;
    }

    /// <summary>
    /// What discovery learned of each folder it entered, so that no folder is listed twice: its
    /// entries from one listing, and the subfolders it enters (with their statuses).
    /// </summary>
    internal sealed class Listings
    {
        /// <summary>Each listed folder's entries.</summary>
        public Dictionary<string, Listing> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>Each folder's subfolders that discovery enters, as <see cref="Subfolders(string, PathFilter, List{ContentFile}, Listings)"/> found them.</summary>
        public Dictionary<string, List<Found>> Entered { get; } = new(StringComparer.Ordinal);
    }

    // Discovery keeps its findings in classes, not tuples: generic collections of value types are code
    // the ReadyToRun tool's image lacks, compiled at every start and run unoptimised at first.

    /// <summary>A folder's entries: full paths of the files (anything not a folder), and of the folders (links to folders too).</summary>
    internal sealed class Listing
    {
        public List<string> Files { get; } = new();

        public List<string> Folders { get; } = new();
    }

    /// <summary>A folder discovery enters, with its status as its parent was listed.</summary>
    internal sealed record Found(string Path, FileStatus Status);

    /// <summary>
    /// The entries of <paramref name="dir"/>, listed once (a folder's entries are read with one
    /// open and one pass, where asking for its files and its folders apart would list it twice).
    /// </summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed.</exception>
    private static Listing ListOf(string dir, Listings? listings)
    {
        if (listings is not null && listings.Entries.TryGetValue(dir, out var known))
        {
            return known;
        }

        var listing = new Listing();
#if NET
        // As Directory.GetFiles and GetDirectories list (a link to a folder counts as a folder).
        var entries = new System.IO.Enumeration.FileSystemEnumerable<string>(
            dir,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
            {
                var path = entry.ToFullPath();
                (entry.IsDirectory ? listing.Folders : listing.Files).Add(path);
                return path;
            },
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            // Only the names a search asks about are made into paths: a generated API folder holds
            // many files of other kinds (its .md and .yaml copies).
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => entry.IsDirectory || IsWantedFileName(entry.FileName),
        };
        foreach (var unused in entries)
        {
            // The transform above sorts each entry as it is read.
        }
#else
        listing.Files.AddRange(Directory.GetFiles(dir));
        listing.Folders.AddRange(Directory.GetDirectories(dir));
#endif
        if (listings is not null)
        {
            listings.Entries[dir] = listing;
        }

        return listing;
    }

    /// <summary>
    /// A content repository's root holds souls/&lt;slug&gt;/ folders (or mirrored/). A folder of
    /// published records that happens to be called souls/ (api/souls/*.json) does not make one.
    /// </summary>
    private static bool IsContentRoot(string dir)
    {
        if (Directory.Exists(Path.Combine(dir, "mirrored")))
        {
            return true;
        }

        var souls = Path.Combine(dir, "souls");
        return Directory.Exists(souls) && Subfolders(souls, PathFilter.For(new LintSettings()), new List<ContentFile>()).Any(IsSourceFolder);
    }

    /// <summary>
    /// Authored folders beneath <paramref name="root"/>: <c>souls/&lt;slug&gt;/</c> and
    /// <c>mirrored/&lt;origin&gt;/&lt;slug&gt;/</c> holding a SOUL.md or a metadata.yaml; sorted.
    /// Folder links are not followed, and a folder that cannot be read is noted.
    /// </summary>
    public static List<string> FindSourceFolders(string root, PathFilter ignore, List<ContentFile> notes) =>
        FindSourceFolders(root, ignore, notes, null);

    /// <summary>
    /// As <see cref="FindSourceFolders(string, PathFilter, List{ContentFile})"/>, reusing the folder
    /// listings <paramref name="listed"/> holds (those <see cref="FindJsonFiles(string, PathFilter, List{ContentFile}, Listings, IDictionary{string, FileStatus})"/>
    /// made), and keeping the status of each regular SOUL.md and metadata.yaml in <paramref name="regular"/>.
    /// </summary>
    internal static List<string> FindSourceFolders(string root, PathFilter ignore, List<ContentFile> notes, Listings? listed, IDictionary<string, FileStatus>? regular = null)
    {
        var folders = new List<string>();
        AddSourceFolders(Path.Combine(root, "souls"), folders, ignore, notes, listed, regular);
        var mirrored = Path.Combine(root, "mirrored");
        if (Directory.Exists(mirrored) && FileStatus.Of(mirrored).Kind == FileKind.Directory)
        {
            foreach (var (origin, _) in Subfolders(mirrored, ignore, notes, listed))
            {
                AddSourceFolders(origin, folders, ignore, notes, listed, regular);
            }
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }

    /// <summary>True when a folder holds SOUL.md or metadata.yaml.</summary>
    public static bool IsSourceFolder(string folder) =>
        File.Exists(Path.Combine(folder, "SOUL.md")) || File.Exists(Path.Combine(folder, "metadata.yaml"));

    /// <summary>
    /// As <see cref="IsSourceFolder(string)"/>, from the folder's listing when it was listed: a name
    /// it lacks is not asked about, and the status of a regular file is kept in <paramref name="regular"/>.
    /// </summary>
    private static bool IsSourceFolder(string folder, Listings? listed, IDictionary<string, FileStatus>? regular)
    {
        if (listed is null || !listed.Entries.TryGetValue(folder, out var listing))
        {
            return IsSourceFolder(folder);
        }

        var found = false;
        foreach (var file in listing.Files)
        {
            if (!PathDisplay.HasFileName(file, "SOUL.md") && !PathDisplay.HasFileName(file, "metadata.yaml"))
            {
                continue;
            }

            var status = FileStatus.Of(file);
            if (status.Kind == FileKind.Regular)
            {
                if (regular is not null)
                {
                    regular[file] = status;
                }

                found = true;
            }
            else if (status.Kind != FileKind.Missing && File.Exists(file))
            {
                // A link, or a FIFO or device: what File.Exists says, as for a folder not listed.
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether a file found in the corpus may be read: a regular file, or a link to one inside
    /// <paramref name="root"/>. Anything else is noted (a link out of the corpus, a FIFO, socket or
    /// device, which opening could block on) and passed over.
    /// </summary>
    public static bool MayRead(string path, string root, List<ContentFile> notes) => MayRead(path, root, notes, null);

    /// <summary>As <see cref="MayRead(string, string, List{ContentFile})"/>, keeping the status of a regular file (not a link) in <paramref name="regular"/>, so that it need not be asked again.</summary>
    internal static bool MayRead(string path, string root, List<ContentFile> notes, IDictionary<string, FileStatus>? regular)
    {
        // A regular file's status taken a moment ago, as its folder was searched, is not asked again.
        var status = regular is not null && regular.TryGetValue(path, out var known) ? known : FileStatus.Of(path);
        switch (status.Kind)
        {
            case FileKind.Regular:
                if (regular is not null)
                {
                    regular[path] = status;
                }

                return true;
            case FileKind.Missing:
                return false;
            case FileKind.SymbolicLink:
                var target = FinalTarget(path);
                var targetStatus = FileStatus.OfTarget(path);
                if (target is null || targetStatus.Kind == FileKind.Missing)
                {
                    notes.Add(ContentFile.Skipped(path, "a symbolic link that leads nowhere; not read"));
                    return false;
                }

                if (!PathDisplay.IsUnder(target, root))
                {
                    notes.Add(ContentFile.Skipped(path, $"a symbolic link to {target}, outside the corpus; not read"));
                    return false;
                }

                if (targetStatus.Kind != FileKind.Regular)
                {
                    notes.Add(ContentFile.Skipped(path, "a symbolic link to something that is not a regular file; not read"));
                    return false;
                }

                return true;
            default:
                notes.Add(ContentFile.Skipped(path, "not a regular file (a FIFO, socket, device or folder); not read"));
                return false;
        }
    }

    private static string? FinalTarget(string path)
    {
#if NET
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
#else
        return null;
#endif
    }

    private static void AddSourceFolders(string parent, List<string> folders, PathFilter ignore, List<ContentFile> notes, Listings? listed, IDictionary<string, FileStatus>? regular)
    {
        if (!Directory.Exists(parent) || ignore.IsIgnored(parent, isDirectory: true) || FileStatus.Of(parent).Kind != FileKind.Directory)
        {
            return;
        }

        foreach (var (folder, _) in Subfolders(parent, ignore, notes, listed))
        {
            if (IsSourceFolder(folder, listed, regular))
            {
                folders.Add(folder);
            }
        }
    }

    /// <summary>The folders directly inside <paramref name="parent"/> that discovery enters: not ignored, not a link (noted), readable (else noted).</summary>
    private static List<string> Subfolders(string parent, PathFilter ignore, List<ContentFile> notes) =>
        Subfolders(parent, ignore, notes, null).Select(f => f.Path).ToList();

    /// <summary>
    /// As <see cref="Subfolders(string, PathFilter, List{ContentFile})"/>, with each folder's status;
    /// a listing already in <paramref name="listed"/> is not made (nor noted) again.
    /// </summary>
    private static List<Found> Subfolders(string parent, PathFilter ignore, List<ContentFile> notes, Listings? listed)
    {
        if (listed is not null && listed.Entered.TryGetValue(parent, out var known))
        {
            return known;
        }

        var result = new List<Found>();
        if (listed is not null)
        {
            listed.Entered[parent] = result;
        }

        List<string> entries;
        try
        {
            entries = ListOf(parent, listed).Folders;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            notes.Add(ContentFile.Unreadable(parent, CorpusDiscovery.WhyUnreadable(parent, ex)));
            return result;
        }

        foreach (var sub in entries)
        {
            if (IsSkippedName(sub) || ignore.IsIgnored(sub, isDirectory: true))
            {
                continue;
            }

            var status = FileStatus.Of(sub);
            if (status.Kind == FileKind.SymbolicLink)
            {
                notes.Add(ContentFile.Skipped(sub, "a symbolic link to a folder; soul-lint does not follow folder links (they can loop or leave the corpus)"));
                continue;
            }

            result.Add(new Found(sub, status));
        }

        return result;
    }

    /// <summary>Every *.json file beneath <paramref name="root"/>, skipping VCS, dependency, build and git-ignored folders and folder links; sorted for stable output.</summary>
    public static List<string> FindJsonFiles(string root, PathFilter ignore, List<ContentFile> notes) =>
        FindJsonFiles(root, ignore, notes, null);

    /// <summary>
    /// As <see cref="FindJsonFiles(string, PathFilter, List{ContentFile})"/>, keeping the folder
    /// listings it makes in <paramref name="listed"/> for the search for source folders.
    /// </summary>
    internal static List<string> FindJsonFiles(string root, PathFilter ignore, List<ContentFile> notes, Listings? listed, IDictionary<string, FileStatus>? regular = null)
    {
        var files = new List<string>();
        var pending = new Stack<Found>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        // A folder's status, taken as its parent was listed, is the status of what it names: folder
        // links are never entered, so only the root may be one.
        pending.Push(new Found(root, FileStatus.OfTarget(root)));
        while (pending.Count > 0)
        {
            var (dir, status) = pending.Pop();
            if (status.Known && !visited.Add(status.Device.ToString(CultureInfo.InvariantCulture) + ":" + status.Inode.ToString(CultureInfo.InvariantCulture)))
            {
                continue;
            }

            IEnumerable<string> entries;
            try
            {
                entries = ListOf(dir, listed).Files.Where(IsJsonName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notes.Add(ContentFile.Unreadable(dir, CorpusDiscovery.WhyUnreadable(dir, ex)));
                continue;
            }

            foreach (var file in entries)
            {
                if (!PathDisplay.HasFileName(file, ConfigFileName) && ignore.MayBeRecord(file) && !ignore.IsIgnored(file, isDirectory: false)
                    && MayRead(file, root, notes, regular))
                {
                    files.Add(file);
                }
            }

            foreach (var sub in Subfolders(dir, ignore, notes, listed))
            {
                pending.Push(sub);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Whether a folder is one discovery never enters by its name (version control, dependencies, build output).</summary>
    private static bool IsSkippedName(string folder)
    {
        foreach (var name in SkippedDirectories)
        {
            if (PathDisplay.HasFileName(folder, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a file name matches "*.json" as Directory.GetFiles matches it (case-sensitive where the file system is).</summary>
    private static bool IsJsonName(string path)
    {
#if NET
        return IsJsonFileName(Path.GetFileName(path.AsSpan()));
#else
        return Path.GetFileName(path).EndsWith(".json", Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
#endif
    }

#if NET
    private static bool IsJsonFileName(ReadOnlySpan<char> name) =>
        System.IO.Enumeration.FileSystemName.MatchesWin32Expression("*.json", name, ignoreCase: !OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD());

    /// <summary>The files a listing keeps: records (*.json) and a source folder's SOUL.md and metadata.yaml.</summary>
    private static bool IsWantedFileName(ReadOnlySpan<char> name) =>
        IsJsonFileName(name) || name.SequenceEqual("SOUL.md".AsSpan()) || name.SequenceEqual("metadata.yaml".AsSpan());
#endif

    /// <summary>
    /// Why a path could not be read, in words. A name that is not valid UTF-8 reaches .NET with
    /// its bad bytes replaced (shown as �), so it can never be opened by that name: say so, rather
    /// than "could not find" a path the user can see.
    /// </summary>
    internal static string WhyUnreadable(string path, Exception ex) =>
        path.IndexOf('\uFFFD') >= 0 && ex is FileNotFoundException or DirectoryNotFoundException
            ? "its name is not valid UTF-8 (the bytes shown as \uFFFD), so it cannot be opened by name; rename it"
            : ex.Message;
}
