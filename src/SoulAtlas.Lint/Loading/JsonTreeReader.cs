using System;
using System.Collections.Generic;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Loading;

/// <summary>The JSON text could not be read; <see cref="Offset"/> is the UTF-16 offset of the problem.</summary>
public sealed class JsonSyntaxProblem : Exception
{
    public JsonSyntaxProblem(string message, int offset, bool depthExceeded)
        : base(message)
    {
        Offset = offset;
        DepthExceeded = depthExceeded;
    }

    public int Offset { get; }

    public bool DepthExceeded { get; }
}

/// <summary>
/// Reads UTF-8 JSON with <see cref="Utf8JsonReader"/> into a Newtonsoft <see cref="JToken"/> tree
/// (what NJsonSchema validates) and annotates every value with the exact start and end of the
/// value and of its key. Repeated keys are collected rather than silently overwritten.
/// </summary>
public sealed class JsonTreeReader
{
    private readonly SourceFile _file;
    private readonly byte[] _utf8;
    private readonly int _byteBase;
    private readonly int _maxDepth;
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly List<DuplicateKey> _duplicates = new();
    private readonly List<LoadProblem>? _problems;

    // Monotonic byte → UTF-16 conversion cursor: tokens are visited in order.
    private int _cursorByte;
    private int _cursorChar;

    private JsonTreeReader(SourceFile file, byte[] utf8, int byteBase, int maxDepth, List<LoadProblem>? problems)
    {
        _file = file;
        _utf8 = utf8;
        _byteBase = byteBase;
        _maxDepth = LoadLimits.ClampDepth(maxDepth);
        _problems = problems;
        _cursorByte = byteBase;
    }

    /// <summary>Parses <paramref name="utf8"/> from <paramref name="byteBase"/> (after any BOM).</summary>
    /// <exception cref="JsonSyntaxProblem">The text is not one well-formed JSON value.</exception>
    public static (JToken Root, IReadOnlyList<DuplicateKey> Duplicates) Read(SourceFile file, byte[] utf8, int byteBase, int maxDepth) =>
        Read(file, utf8, byteBase, maxDepth, null);

    /// <summary>Like <see cref="Read(SourceFile, byte[], int, int)"/>; odd but readable text (a lone surrogate escape) is reported to <paramref name="problems"/>.</summary>
    public static (JToken Root, IReadOnlyList<DuplicateKey> Duplicates) Read(SourceFile file, byte[] utf8, int byteBase, int maxDepth, List<LoadProblem>? problems)
    {
        var reader = new JsonTreeReader(file, utf8, byteBase, maxDepth, problems);
        var root = reader.ReadDocument();
        return (root, reader._duplicates);
    }

    private JToken ReadDocument()
    {
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // The tree builder enforces the limit itself (with a located message); the reader's own limit is a backstop.
            MaxDepth = _maxDepth + 2,
        };
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, _byteBase, _utf8.Length - _byteBase), options);
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxProblem("the file is empty; expected a JSON value", CharOffset(_utf8.Length), false);
            }

            var root = ReadValue(ref reader, 0);
            if (reader.Read())
            {
                throw new JsonSyntaxProblem("unexpected content after the end of the JSON value", CharOffset(_byteBase + (int)reader.TokenStartIndex), false);
            }

            return root;
        }
        catch (JsonException ex)
        {
            throw Translate(ex, reader);
        }
    }

    private JToken ReadValue(ref Utf8JsonReader reader, int depth)
    {
        var start = _byteBase + (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, depth + 1, start);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, depth + 1, start);
            case JsonTokenType.String:
                return Annotate(new JValue(ReadString(ref reader, start)), start, start + reader.ValueSpan.Length + 2);
            case JsonTokenType.Number:
                {
                    JValue value = reader.TryGetInt64(out var l) ? new JValue(l) : new JValue(reader.GetDouble());
                    return Annotate(value, start, start + reader.ValueSpan.Length);
                }

            case JsonTokenType.True:
                return Annotate(new JValue(true), start, start + 4);
            case JsonTokenType.False:
                return Annotate(new JValue(false), start, start + 5);
            case JsonTokenType.Null:
                return Annotate(JValue.CreateNull(), start, start + 4);
            default:
                throw new JsonSyntaxProblem($"unexpected token {reader.TokenType}", CharOffset(start), false);
        }
    }

    private JObject ReadObject(ref Utf8JsonReader reader, int depth, int start)
    {
        if (depth > _maxDepth)
        {
            throw new JsonSyntaxProblem($"nesting is deeper than the limit of {_maxDepth}", CharOffset(start), true);
        }

        var obj = new JObject();
        var span = new JsonNodeSpan(_file, CharOffset(start), -1);
        obj.AddAnnotation(span);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                span.End = CharOffset(_byteBase + (int)reader.TokenStartIndex + 1);
                return obj;
            }

            var keyStartByte = _byteBase + (int)reader.TokenStartIndex;
            var keyStart = CharOffset(keyStartByte);
            var keyEnd = CharOffset(keyStartByte + reader.ValueSpan.Length + 2);
            var name = ReadString(ref reader, keyStartByte);
            reader.Read();
            var value = ReadValue(ref reader, depth);
            var valueSpan = value.Annotation<JsonNodeSpan>()!;
            valueSpan.KeyStart = keyStart;
            valueSpan.KeyEnd = keyEnd;
            // The object's own key index finds a repeat; the earlier value still knows where its key was.
            if (obj.Property(name, StringComparison.Ordinal) is not { } property)
            {
                // A new key (the indexer would look it up twice more).
                obj.Add(new JProperty(name, value));
                continue;
            }

            var earlier = property.Value;
            var firstSpan = earlier.Annotation<JsonNodeSpan>()!;
            var first = _duplicates.FindLast(d => d.Key == name && ReferenceEquals(d.Value, earlier))?.First ?? new SourceRange(_file, firstSpan.KeyStart, firstSpan.KeyEnd);
            _duplicates.Add(new DuplicateKey(name, new SourceRange(_file, keyStart, keyEnd), first) { Value = value });

            // Last one wins, as JSON.parse does when the site is built.
            property.Value = value;
        }

        throw new JsonSyntaxProblem("unterminated object", CharOffset(_utf8.Length), false);
    }

    private JArray ReadArray(ref Utf8JsonReader reader, int depth, int start)
    {
        if (depth > _maxDepth)
        {
            throw new JsonSyntaxProblem($"nesting is deeper than the limit of {_maxDepth}", CharOffset(start), true);
        }

        var array = new JArray();
        var span = new JsonNodeSpan(_file, CharOffset(start), -1);
        array.AddAnnotation(span);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                span.End = CharOffset(_byteBase + (int)reader.TokenStartIndex + 1);
                return array;
            }

            array.Add(ReadValue(ref reader, depth));
        }

        throw new JsonSyntaxProblem("unterminated array", CharOffset(_utf8.Length), false);
    }

    private string ReadString(ref Utf8JsonReader reader, int startByte)
    {
        var text = JsonStrings.Read(ref reader, out var loneSurrogate);
        if (loneSurrogate && _problems is not null)
        {
            var start = CharOffset(startByte);
            _problems.Add(new LoadProblem(
                Diagnostics.RuleCatalogue.InvalidEncoding,
                new SourceRange(_file, start, CharOffset(startByte + reader.ValueSpan.Length + 2)),
                "this string escapes half of a surrogate pair (a \\uD800–\\uDFFF escape without its partner), which is not a character; a browser shows the replacement character U+FFFD in its place; escape the whole pair, or remove it",
                Diagnostics.Severity.Warning));
        }

        return text;
    }

    private JValue Annotate(JValue value, int startByte, int endByte)
    {
        var start = CharOffset(startByte);
        value.AddAnnotation(new JsonNodeSpan(_file, start, CharOffset(endByte)));
        return value;
    }

    /// <summary>Converts an absolute byte offset into a UTF-16 offset in the decoded text (BOM excluded).</summary>
    private int CharOffset(int byteOffset)
    {
        if (byteOffset < _cursorByte)
        {
            _cursorByte = _byteBase;
            _cursorChar = 0;
        }

        var limit = Math.Min(byteOffset, _utf8.Length);
        var chars = _cursorChar;
        var i = _cursorByte;
        if (limit > i)
        {
            // Offsets always fall on token boundaries, so the bytes between are whole UTF-8
            // sequences, and the runtime's vectorised counter is exact (and much faster than a loop).
            chars += Utf8.GetCharCount(_utf8, i, limit - i);
            i = limit;
        }

        _cursorByte = i;
        _cursorChar = chars;
        return chars;
    }

    private JsonSyntaxProblem Translate(JsonException ex, Utf8JsonReader reader)
    {
        // The reader's message ends with "LineNumber: n | BytePositionInLine: m."; keep the human part.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut).TrimEnd();
        }

        var byteOffset = _byteBase + (int)Math.Min(reader.BytesConsumed, _utf8.Length - _byteBase);
        if (ex.LineNumber is long line && ex.BytePositionInLine is long column)
        {
            byteOffset = ByteOffsetOf(line, column);
        }

        return new JsonSyntaxProblem(message, CharOffset(byteOffset), false);
    }

    private int ByteOffsetOf(long line, long bytePositionInLine)
    {
        var offset = _byteBase;
        for (long l = 0; l < line && offset < _utf8.Length; offset++)
        {
            if (_utf8[offset] == (byte)'\n')
            {
                l++;
            }
        }

        return (int)Math.Min(_utf8.Length, offset + bytePositionInLine);
    }
}
