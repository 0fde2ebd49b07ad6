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
        // Sized from what the cache holds, so the buffers seldom grow: arrays this large are costly
        // to make (each is cleared and touches fresh memory) and add to the collector's large-object
        // budget, whose overrun forces a full collection in the middle of a short run.
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        var body = new Writer(strings, table, (snapshot.Units.Count * 256) + (snapshot.Files.Count * 48) + 256);
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

        var tableSize = 0;
        foreach (var text in table)
        {
            tableSize += 5 + (2 * text.Length);
        }

        var head = new Writer(strings, table, Signature.Length + 4 + 5 + (2 * (CacheKeys.EngineIdentity?.Length ?? 0)) + 5 + tableSize);
        head.Raw(Signature);
        head.Int32(CacheKeys.FormatVersion);
        head.Text(CacheKeys.EngineIdentity ?? string.Empty);
        head.Count(table.Count);
        foreach (var text in table)
        {
            head.Text(text);
        }

        // The file: the head, the body and the checksum of both, copied once into the one array returned.
        var result = new byte[head.Length + body.Length + ChecksumSize];
        head.CopyTo(result, 0);
        body.CopyTo(result, head.Length);
        var length = head.Length + body.Length;
#if NET
        SHA256.HashData(result.AsSpan(0, length), result.AsSpan(length, ChecksumSize));
#else
        using var sha = SHA256.Create();
        Buffer.BlockCopy(sha.ComputeHash(result, 0, length), 0, result, length, ChecksumSize);
#endif
        return result;
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

            if (!reader.AtEnd)
            {
                throw new InvalidDataException("bytes after the last unit");
            }

            return new CacheSnapshot(runKey, units, files);
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
        private readonly MemoryStream _stream;
        private readonly Dictionary<string, int> _indexes;
        private readonly List<string> _table;

        public Writer(Dictionary<string, int> indexes, List<string> table, int capacity)
        {
            _stream = new MemoryStream(capacity);
            _indexes = indexes;
            _table = table;
        }

        public int Length => (int)_stream.Length;

        public void CopyTo(byte[] target, int at) => Buffer.BlockCopy(_stream.GetBuffer(), 0, target, at, Length);

        public void Raw(byte[] bytes) => _stream.Write(bytes, 0, bytes.Length);

        public void Byte(byte value) => _stream.WriteByte(value);

        public void Int32(int value) => Raw(BitConverter.GetBytes(value));

        public void Count(int value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "the cache stores no negative number");
            }

            var v = (uint)value;
            while (v >= 0x80)
            {
                _stream.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }

            _stream.WriteByte((byte)v);
        }

        public void Digest(CacheDigest digest)
        {
            var bytes = new byte[CacheDigest.Size];
            digest.CopyTo(bytes);
            Raw(bytes);
        }

        /// <summary>A string written out in full (the table's entries, the engine identity).</summary>
        public void Text(string value)
        {
            Count(value.Length);
            var bytes = new byte[value.Length * 2];
            for (var i = 0; i < value.Length; i++)
            {
                bytes[2 * i] = (byte)value[i];
                bytes[(2 * i) + 1] = (byte)(value[i] >> 8);
            }

            Raw(bytes);
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
