using System;
using System.Text;

namespace SoulAtlas.Lint.Text;

/// <summary>
/// One file of a corpus as a host has it: its path and its bytes, from disk, an editor buffer or
/// memory. Immutable: a host that edits a file hands in a new instance, so whatever an engine
/// derived from the old one (its index entry) is reused for every file that did not change.
/// </summary>
/// <remarks>
/// The bytes are held, or read on demand from a source the host keeps open (the disk adapter
/// keeps each file's handle, so a file is opened once and its bytes need not stay in memory
/// between the index scan and the check).
/// </remarks>
public sealed class ContentFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly byte[]? _bytes;
    private readonly Func<byte[]>? _read;
    private readonly Func<byte[], int>? _readInto;

    private ContentFile(string path, byte[]? bytes, Func<byte[]>? read, long length, string? readError, string? skipReason = null, Func<byte[], int>? readInto = null)
    {
        _readInto = readInto;
        SkipReason = skipReason;
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _bytes = bytes;
        _read = read;
        Length = length;
        ReadError = readError;
    }

    /// <summary>The path as the host names the file; diagnostics carry it back unchanged.</summary>
    public string Path { get; }

    /// <summary>The file's size in bytes (known even when its content was not read).</summary>
    public long Length { get; }

    /// <summary>Why the host passed over this path on purpose (a link out of the corpus, a FIFO), or null; reported as information.</summary>
    public string? SkipReason { get; }

    /// <summary>Why the host could not read the file, or null.</summary>
    public string? ReadError { get; }

    /// <summary>
    /// The host's name for this state of the file, or null: while a file keeps its path and version,
    /// its bytes stay the same (an editor's document version; the disk adapter's file identity, size
    /// and change times, given only for a file last changed well before the run). A cache takes the
    /// digest it made of a path's bytes at the same version instead of reading them again.
    /// </summary>
    public string? Version { get; private set; }

    /// <summary>Whether the content can be had (false for an unreadable file or one left unread for its size).</summary>
    public bool HasContent => _bytes is not null || _read is not null;

    /// <summary>The content (read from the source each time, when there is one); empty when there is none.</summary>
    public ReadOnlyMemory<byte> Content => ReadBytes() ?? Array.Empty<byte>();

    /// <summary>A file read as bytes. The array is the file's from now on: do not change it.</summary>
    public static ContentFile FromBytes(string path, byte[] bytes) => new(path, bytes ?? throw new ArgumentNullException(nameof(bytes)), null, bytes.Length, null);

    /// <summary>
    /// A file whose bytes <paramref name="read"/> gives each time it is called (the same bytes every
    /// time); an exception from it is reported as a file that cannot be read.
    /// </summary>
    public static ContentFile FromSource(string path, long length, Func<byte[]> read) =>
        new(path, null, read ?? throw new ArgumentNullException(nameof(read)), length, null);

    /// <summary>
    /// As <see cref="FromSource(string, long, Func{byte[]})"/>; <paramref name="readInto"/> also gives the
    /// bytes, copied into a buffer of at least <paramref name="length"/> bytes, and returns how many it
    /// copied, for a reader that needs them only for a moment (hashing) and can reuse its buffer.
    /// </summary>
    public static ContentFile FromSource(string path, long length, Func<byte[]> read, Func<byte[], int> readInto) =>
        new(path, null, read ?? throw new ArgumentNullException(nameof(read)), length, null, null, readInto ?? throw new ArgumentNullException(nameof(readInto)));

    /// <summary>A file held as text (an editor buffer): stored as UTF-8; a leading U+FEFF is kept as a byte-order mark.</summary>
    public static ContentFile FromText(string path, string text)
    {
        var bytes = Utf8.GetBytes(text ?? throw new ArgumentNullException(nameof(text)));
        return new(path, bytes, null, bytes.Length, null);
    }

    /// <summary>A file the host did not read because of its size (it is over the limit the engine will report).</summary>
    public static ContentFile NotRead(string path, long length) => new(path, null, null, length, null);

    /// <summary>A file the host could not read, with the reason (reported on the file).</summary>
    public static ContentFile Unreadable(string path, string reason) => new(path, null, null, 0, reason);

    /// <summary>A path the host passed over on purpose, with the reason (reported as information, not read).</summary>
    public static ContentFile Skipped(string path, string reason) => new(path, null, null, 0, null, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>This file with <paramref name="version"/> as its <see cref="Version"/>.</summary>
    public ContentFile WithVersion(string? version) =>
        new(Path, _bytes, _read, Length, ReadError, SkipReason, _readInto) { Version = version };

    /// <summary>The bytes, or null when there are none; may throw what the host's source throws.</summary>
    internal byte[]? ReadBytes() => _bytes ?? _read?.Invoke();

    /// <summary>The bytes when they are held in memory (no read needed), else null.</summary>
    internal byte[]? HeldBytes => _bytes;

    /// <summary>Copies the content into <paramref name="buffer"/> (at least <see cref="Length"/> bytes) and returns its length; -1 when the source cannot (use <see cref="ReadBytes"/>).</summary>
    internal int ReadInto(byte[] buffer) => _readInto?.Invoke(buffer) ?? -1;

    public override string ToString() => Path;
}
