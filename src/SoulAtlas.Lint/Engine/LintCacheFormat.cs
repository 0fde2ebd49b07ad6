using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// The cache file: compact, versioned and checksummed, read whole in well under a millisecond per
/// thousand occupations. Layout: a 16-byte signature, the format version (4 bytes, little-endian),
/// the engine build that wrote it, a table of every distinct string (UTF-16 code units, so any
/// string comes back exactly), the run key, the units, the files' digests by version (strings by
/// their index in the table, integers as 7-bit varints), and a SHA-256 of everything before it.
/// </summary>
internal static class LintCacheFormat
{
    private const int ChecksumSize = 32;

    private static readonly byte[] Signature = System.Text.Encoding.ASCII.GetBytes("soul-lint cache\n");

    /// <summary>The bytes every cache file begins with, whatever its version.</summary>
    public static ReadOnlySpan<byte> Start => Signature;

    public static byte[] Write(CacheSnapshot snapshot)
    {
        var encoded = Encode(snapshot);
        using var stream = new MemoryStream((int)encoded.Length);
        encoded.WriteTo(stream);
        return stream.Length == stream.Capacity ? stream.GetBuffer() : stream.ToArray();
    }

    /// <summary>Writes the cache file's bytes to <paramref name="output"/>.</summary>
    public static void Write(CacheSnapshot snapshot, Stream output) => Encode(snapshot).WriteTo(output);

    /// <summary>
    /// The head and the body, each in chunks small enough for the collector's ordinary heap. Arrays
    /// of the file's size would be large objects: a few of those overrun the large-object budget of
    /// a short process and force a full collection (about 50 ms after one soul was edited).
    /// </summary>
    private static Encoded Encode(CacheSnapshot snapshot)
    {
        var expected = snapshot.Files.Count + (snapshot.Units.Count * 3);
        var strings = new Dictionary<string, int>(expected, StringComparer.Ordinal);
        var table = new List<string>(expected);
        var body = new Writer(strings, table);
        body.Digest(snapshot.RunKey);
        body.Count(snapshot.Units.Count);
        foreach (var unit in snapshot.Units.Values.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            WriteUnit(body, unit);
        }

        body.Count(snapshot.Files.Count);
        foreach (var known in snapshot.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            body.String(known.Key);
            body.String(known.Value.Version);
            body.Digest(known.Value.Content);
        }

        if (snapshot.SettledKey is { } settled)
        {
            body.Byte(1);
            body.Digest(settled);
        }
        else
        {
            body.Byte(0);
        }

        var head = new Writer(strings, table);
        head.Raw(Signature);
        head.Int32(CacheKeys.FormatVersion);
        head.Text(CacheKeys.EngineIdentity ?? string.Empty);
        head.Count(table.Count);
        foreach (var text in table)
        {
            head.Text(text);
        }

        return new Encoded(head.Bytes, body.Bytes);
    }

    /// <summary>The head, the body and the checksum of both, in that order.</summary>
    private sealed class Encoded
    {
        private readonly Chunks _head;
        private readonly Chunks _body;

        public Encoded(Chunks head, Chunks body)
        {
            _head = head;
            _body = body;
        }

        public long Length => _head.Length + _body.Length + ChecksumSize;

        public void WriteTo(Stream output)
        {
            using var checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _head.WriteTo(output, checksum);
            _body.WriteTo(output, checksum);
            var digest = checksum.GetHashAndReset();
            output.Write(digest, 0, digest.Length);
        }
    }

    /// <summary>Bytes appended in chunks of 64 KiB, under the collector's large-object size.</summary>
    internal sealed class Chunks
    {
        private const int ChunkSize = 64 * 1024;
        private readonly List<byte[]> _full = new();
        private byte[] _current = new byte[ChunkSize];
        private int _used;

        public long Length => ((long)_full.Count * ChunkSize) + _used;

        public void Add(byte value)
        {
            if (_used == ChunkSize)
            {
                _full.Add(_current);
                _current = new byte[ChunkSize];
                _used = 0;
            }

            _current[_used++] = value;
        }

        public void Add(byte[] bytes, int count)
        {
            var at = 0;
            while (at < count)
            {
                if (_used == ChunkSize)
                {
                    _full.Add(_current);
                    _current = new byte[ChunkSize];
                    _used = 0;
                }

                var n = Math.Min(count - at, ChunkSize - _used);
                Buffer.BlockCopy(bytes, at, _current, _used, n);
                _used += n;
                at += n;
            }
        }

        public void WriteTo(Stream output, IncrementalHash checksum)
        {
            foreach (var chunk in _full)
            {
                checksum.AppendData(chunk, 0, chunk.Length);
                output.Write(chunk, 0, chunk.Length);
            }

            checksum.AppendData(_current, 0, _used);
            output.Write(_current, 0, _used);
        }
    }

    /// <exception cref="LintCacheFormatException">Not a cache this build can trust; the message says why.</exception>
    public static CacheSnapshot Read(byte[] bytes)
    {
        if (bytes.Length < Signature.Length + 4 + ChecksumSize || !bytes.Take(Signature.Length).SequenceEqual(Signature))
        {
            throw new LintCacheFormatException("it is not a soul-lint cache file");
        }

        var version = BitConverter.ToInt32(bytes, Signature.Length);
        if (!BitConverter.IsLittleEndian || version != CacheKeys.FormatVersion)
        {
            throw new LintCacheFormatException($"it was written in cache format {version}, and this soul-lint reads format {CacheKeys.FormatVersion}");
        }

        using (var sha = SHA256.Create())
        {
            var checksum = sha.ComputeHash(bytes, 0, bytes.Length - ChecksumSize);
            for (var i = 0; i < ChecksumSize; i++)
            {
                if (checksum[i] != bytes[bytes.Length - ChecksumSize + i])
                {
                    throw new LintCacheFormatException("it is damaged (its checksum does not match its content)");
                }
            }
        }

        try
        {
            var reader = new Reader(bytes, Signature.Length + 4, bytes.Length - ChecksumSize);
            var identity = reader.Text();
            if (CacheKeys.EngineIdentity is not { } current || !string.Equals(identity, current, StringComparison.Ordinal))
            {
                throw new LintCacheFormatException("it was written by another build of soul-lint");
            }

            var count = reader.Count();
            var table = new string[count];
            for (var i = 0; i < count; i++)
            {
                table[i] = reader.Text();
            }

            reader.Table = table;
            var runKey = reader.Digest();
            var units = new Dictionary<string, CachedUnit>(StringComparer.Ordinal);
            for (var n = reader.Count(); n > 0; n--)
            {
                var unit = ReadUnit(reader);
                units[unit.Path] = unit;
            }

            var files = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
            for (var n = reader.Count(); n > 0; n--)
            {
                var path = reader.String();
                files[path] = new CachedFile(reader.String(), reader.Digest());
            }

            CacheDigest? settledKey = reader.Byte() switch
            {
                0 => null,
                1 => reader.Digest(),
                _ => throw new InvalidDataException("an unknown settled mark"),
            };

            if (!reader.AtEnd)
            {
                throw new InvalidDataException("bytes after the last unit");
            }

            return new CacheSnapshot(runKey, units, files, settledKey);
        }
        catch (Exception ex) when (ex is not LintCacheFormatException and not OutOfMemoryException)
        {
            throw new LintCacheFormatException($"it is damaged ({ex.Message})");
        }
    }

    private static void WriteUnit(Writer w, CachedUnit unit)
    {
        w.String(unit.Path);
        w.Digest(unit.Content);
        w.Byte((byte)unit.Outcome);
        if (unit.Entry is not { } entry)
        {
            w.Byte(0);
        }
        else
        {
            w.Byte(1);
            w.Byte((byte)entry.Form);
            w.String(entry.FullPath);
            w.String(entry.DisplayPath);
            w.String(entry.Slug);
            w.String(entry.ClaimedSlug);
            w.OptionalString(entry.Title);
            w.Strings(entry.Aliases);
            w.Strings(entry.Related);
            w.Count(entry.Relations.Count);
            foreach (var relation in entry.Relations)
            {
                w.String(relation.Slug);
                w.OptionalString(relation.Type);
            }
        }

        if (unit.Check is not { } check)
        {
            w.Byte(0);
            return;
        }

        w.Byte(1);
        w.OptionalString(check.Slug);
        w.Count(check.Dependencies.Count);
        foreach (var dependency in check.Dependencies)
        {
            w.Byte((byte)dependency.Kind);
            w.String(dependency.Key);
            w.OptionalString(dependency.Other);
            w.OptionalString(dependency.Type);
        }

        w.Digest(check.Answers);
        w.Count(check.Diagnostics.Count);
        foreach (var d in check.Diagnostics)
        {
            w.String(d.RuleId);
            w.Byte((byte)d.Severity);
            w.String(d.File);
            w.Count(d.Line);
            w.Count(d.Column);
            w.Count(d.EndLine);
            w.Count(d.EndColumn);
            w.OptionalString(d.Slug);
            w.String(d.Message);
            w.OptionalString(d.FullPath);
            w.Count(d.Start);
            w.Count(d.Length);
            w.Source(d.Source);
            WriteEdits(w, d.Fix);
            w.Count(d.Suggestions is null ? 0 : d.Suggestions.Count + 1);
            foreach (var suggestion in d.Suggestions ?? Array.Empty<CachedSuggestion>())
            {
                w.String(suggestion.Title);
                WriteEdits(w, suggestion.Edits);
            }
        }
    }

    /// <summary>A list of edits, or none (0); offsets are stored one up, as the byte-order mark's removal starts at -1.</summary>
    private static void WriteEdits(Writer w, IReadOnlyList<CachedEdit>? edits)
    {
        if (edits is null)
        {
            w.Count(0);
            return;
        }

        w.Count(edits.Count + 1);
        foreach (var edit in edits)
        {
            w.Source(edit.Source);
            w.Count(edit.Start + 1);
            w.Count(edit.End + 1);
            w.String(edit.NewText);
        }
    }

    private static List<CachedEdit>? ReadEdits(Reader r)
    {
        var count = r.Count();
        if (count == 0)
        {
            return null;
        }

        var edits = new List<CachedEdit>(count - 1);
        for (var e = 1; e < count; e++)
        {
            var at = r.Source() ?? throw new InvalidDataException("an edit without a file");
            int from = r.Number() - 1, to = r.Number() - 1;
            edits.Add(to >= from ? new CachedEdit(at, from, to, r.String()) : throw new InvalidDataException("an edit that ends before it starts"));
        }

        return edits;
    }

    private static CachedUnit ReadUnit(Reader r)
    {
        var path = r.String();
        var content = r.Digest();
        var outcome = r.Outcome();
        CorpusEntry? entry = null;
        if (r.Flag())
        {
            var form = r.Form();
            var fullPath = r.String();
            var displayPath = r.String();
            var slug = r.String();
            var claimedSlug = r.String();
            var title = r.OptionalString();
            var aliases = r.Strings();
            var related = r.Strings();
            var relations = new TypedRelation[r.Count()];
            for (var i = 0; i < relations.Length; i++)
            {
                relations[i] = new TypedRelation(r.String(), r.OptionalString());
            }

            entry = new CorpusEntry(form, fullPath, displayPath, slug, title, aliases, related) { ClaimedSlug = claimedSlug, Relations = relations };
        }

        CachedCheck? check = null;
        if (r.Flag())
        {
            var slug = r.OptionalString();
            var dependencies = new Dependency[r.Count()];
            for (var i = 0; i < dependencies.Length; i++)
            {
                dependencies[i] = new Dependency(r.Kind(), r.String(), r.OptionalString(), r.OptionalString());
            }

            var answers = r.Digest();
            var diagnostics = new CachedDiagnostic[r.Count()];
            for (var i = 0; i < diagnostics.Length; i++)
            {
                var ruleId = r.String();
                var severity = r.Severity();
                var file = r.String();
                int line = r.Number(), column = r.Number(), endLine = r.Number(), endColumn = r.Number();
                var diagnosticSlug = r.OptionalString();
                var message = r.String();
                var fullPath = r.OptionalString();
                int start = r.Number(), length = r.Number();
                var source = r.Source();
                var fix = ReadEdits(r);
                List<CachedSuggestion>? suggestions = null;
                var suggestionCount = r.Count();
                if (suggestionCount > 0)
                {
                    suggestions = new List<CachedSuggestion>(suggestionCount - 1);
                    for (var g = 1; g < suggestionCount; g++)
                    {
                        var title = r.String();
                        suggestions.Add(new CachedSuggestion(title, ReadEdits(r) ?? throw new InvalidDataException("a suggestion without edits")));
                    }
                }

                diagnostics[i] = new CachedDiagnostic(ruleId, severity, file, line, column, endLine, endColumn, diagnosticSlug, message, fullPath, start, length, source, fix, suggestions);
            }

            check = new CachedCheck(slug, dependencies, answers, diagnostics);
        }

        return new CachedUnit(path, content, outcome, entry, check);
    }

    private sealed class Writer
    {
        private readonly Dictionary<string, int> _indexes;
        private readonly List<string> _table;
        private readonly byte[] _scratch = new byte[CacheDigest.Size];

        public Writer(Dictionary<string, int> indexes, List<string> table)
        {
            _indexes = indexes;
            _table = table;
        }

        public Chunks Bytes { get; } = new();

        public void Raw(byte[] bytes) => Bytes.Add(bytes, bytes.Length);

        public void Byte(byte value) => Bytes.Add(value);

        public void Int32(int value)
        {
            for (var i = 0; i < 4; i++)
            {
                Bytes.Add((byte)(value >> (8 * i)));
            }
        }

        public void Count(int value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "the cache stores no negative number");
            }

            var v = (uint)value;
            while (v >= 0x80)
            {
                Bytes.Add((byte)(v | 0x80));
                v >>= 7;
            }

            Bytes.Add((byte)v);
        }

        public void Digest(CacheDigest digest)
        {
            digest.CopyTo(_scratch);
            Bytes.Add(_scratch, _scratch.Length);
        }

        /// <summary>A string written out in full (the table's entries, the engine identity).</summary>
        public void Text(string value)
        {
            Count(value.Length);
            foreach (var c in value)
            {
                Bytes.Add((byte)c);
                Bytes.Add((byte)(c >> 8));
            }
        }

        public void String(string value) => Count(IndexOf(value));

        public void OptionalString(string? value) => Count(value is null ? 0 : IndexOf(value) + 1);

        public void Strings(IReadOnlyList<string> values)
        {
            Count(values.Count);
            foreach (var value in values)
            {
                String(value);
            }
        }

        public void Source(CachedSource? source)
        {
            if (source is not { } s)
            {
                Byte(0);
                return;
            }

            Byte(s.IsDocumentText ? (byte)2 : (byte)1);
            String(s.FullPath);
            String(s.DisplayPath);
        }

        private int IndexOf(string value)
        {
            if (!_indexes.TryGetValue(value, out var index))
            {
                index = _table.Count;
                _table.Add(value);
                _indexes.Add(value, index);
            }

            return index;
        }
    }

    /// <summary>Which byte values name a member of <typeparamref name="T"/>, found once per type rather than by reflection per value.</summary>
    private static class Defined<T>
        where T : struct, Enum
    {
        public static readonly bool[] Values = Find();

        private static bool[] Find()
        {
            var values = new bool[256];
#if NET
            // The generic form needs no run-time code generation (the native build has none).
            foreach (var value in System.Enum.GetValues<T>())
#else
            foreach (var value in System.Enum.GetValues(typeof(T)))
#endif
            {
                var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                if (number is >= 0 and < 256)
                {
                    values[number] = true;
                }
            }

            return values;
        }
    }

    /// <summary>Reads with every length and index checked against what is left, so damaged bytes fail cleanly.</summary>
    private sealed class Reader
    {
        private readonly byte[] _bytes;
        private readonly int _end;
        private int _at;

        public Reader(byte[] bytes, int start, int end)
        {
            _bytes = bytes;
            _at = start;
            _end = end;
        }

        public string[] Table { get; set; } = Array.Empty<string>();

        public bool AtEnd => _at == _end;

        public byte Byte()
        {
            if (_at >= _end)
            {
                throw new InvalidDataException("it ends early");
            }

            return _bytes[_at++];
        }

        public bool Flag() => Byte() switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException("a flag is neither 0 nor 1"),
        };

        public LoadOutcome Outcome() => (LoadOutcome)Member<LoadOutcome>();

        public DocumentForm Form() => (DocumentForm)Member<DocumentForm>();

        public DependencyKind Kind() => (DependencyKind)Member<DependencyKind>();

        public Severity Severity() => (Severity)Member<Severity>();

        /// <summary>A byte that is the value of a member of <typeparamref name="T"/>.</summary>
        private byte Member<T>()
            where T : struct, Enum
        {
            var value = Byte();
            return Defined<T>.Values[value] ? value : throw new InvalidDataException($"no {typeof(T).Name} has the value {value}");
        }

        /// <summary>A number (a line, an offset).</summary>
        public int Number()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("a number out of range");
                }
            }

            throw new InvalidDataException("a number out of range");
        }

        public CacheDigest Digest()
        {
            if (_end - _at < CacheDigest.Size)
            {
                throw new InvalidDataException("it ends early");
            }

            var digest = CacheDigest.From(new ReadOnlySpan<byte>(_bytes, _at, CacheDigest.Size));
            _at += CacheDigest.Size;
            return digest;
        }

        public string Text()
        {
            var length = Number();
            if (length > (_end - _at) / 2)
            {
                throw new InvalidDataException("a string runs past the end");
            }

#if NET
            // The file is little-endian, as Read checks this machine is.
            var text = new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(_bytes.AsSpan(_at, length * 2)));
#else
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)(_bytes[_at + (2 * i)] | (_bytes[_at + (2 * i) + 1] << 8));
            }

            var text = new string(chars);
#endif
            _at += length * 2;
            return text;
        }

        public string String()
        {
            var index = Number();
            return index < Table.Length ? Table[index] : throw new InvalidDataException("a string index out of range");
        }

        public string? OptionalString()
        {
            var index = Number();
            return index == 0 ? null : index - 1 < Table.Length ? Table[index - 1] : throw new InvalidDataException("a string index out of range");
        }

        public IReadOnlyList<string> Strings()
        {
            var values = new string[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = String();
            }

            return values;
        }

        public CachedSource? Source() => Byte() switch
        {
            0 => null,
            1 => new CachedSource(String(), String(), false),
            2 => new CachedSource(String(), String(), true),
            _ => throw new InvalidDataException("an unknown kind of text"),
        };

        /// <summary>A count of items of at least a byte each: never more than the bytes left.</summary>
        public int Count()
        {
            var count = Number();
            return count <= _end - _at ? count : throw new InvalidDataException("a count runs past the end");
        }
    }
}
