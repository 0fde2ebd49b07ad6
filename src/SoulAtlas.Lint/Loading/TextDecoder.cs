using System;
using System.Text;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Text;
using System.Collections.Generic;

namespace SoulAtlas.Lint.Loading;

/// <summary>Strict UTF-8 decoding with a located diagnostic for the first invalid byte and for a BOM.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Checks <paramref name="bytes"/> are UTF-8 without decoding them; the file's text is decoded
    /// lazily, on first use. Invalid bytes are located as <see cref="Decode"/> locates them.
    /// </summary>
    public static (SourceFile File, int ByteBase, bool Valid) Check(string fullPath, string displayPath, byte[] bytes, List<LoadProblem> problems)
    {
        if (!HasBom(bytes) && IsValid(bytes, 0))
        {
            return (new SourceFile(fullPath, displayPath, () => Strict.GetString(bytes)) { IsDocumentText = true }, 0, true);
        }

        return Decode(fullPath, displayPath, bytes, problems);
    }

    /// <summary>
    /// The text of a document's bytes exactly as <see cref="Check"/> and <see cref="Decode"/> give it
    /// (after any byte-order mark; invalid bytes as U+FFFD, which strict decoding of valid bytes
    /// never differs from).
    /// </summary>
    public static string TextOf(byte[] bytes)
    {
        var byteBase = HasBom(bytes) ? 3 : 0;
        return Lenient.GetString(bytes, byteBase, bytes.Length - byteBase);
    }

    public static bool HasBom(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    /// <summary>Whether <paramref name="bytes"/> from <paramref name="start"/> are valid UTF-8, checked without decoding where the runtime can.</summary>
    public static bool IsValid(byte[] bytes, int start)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start));
#else
        try
        {
            Strict.GetCharCount(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#endif
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>; returns null text when it is not valid UTF-8. With
    /// <paramref name="removableBom"/> (a file contributors edit), a byte-order mark is reported
    /// with the repair that removes it.
    /// </summary>
    public static (SourceFile File, int ByteBase, bool Valid) Decode(string fullPath, string displayPath, byte[] bytes, List<LoadProblem> problems, bool removableBom = false)
    {
        var byteBase = HasBom(bytes) ? 3 : 0;
        try
        {
            var text = Strict.GetString(bytes, byteBase, bytes.Length - byteBase);
            var file = new SourceFile(fullPath, displayPath, text) { HasByteOrderMark = byteBase == 3, IsDocumentText = true };
            if (byteBase == 3)
            {
                problems.Add(new LoadProblem(
                    RuleCatalogue.InvalidEncoding,
                    SourceRange.At(file, 0),
                    "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
                    Severity.Warning,
                    removableBom ? new[] { TextEdit.RemoveByteOrderMark(file) } : null));
            }

            return (file, byteBase, true);
        }
        catch (DecoderFallbackException ex)
        {
            var file = new SourceFile(fullPath, displayPath, Lenient.GetString(bytes, byteBase, bytes.Length - byteBase)) { HasByteOrderMark = byteBase == 3, IsDocumentText = true };
            var badByte = byteBase + (ex.Index < 0 ? 0 : ex.Index);
            var offset = Lenient.GetCharCount(bytes, byteBase, badByte - byteBase);
            var shown = badByte < bytes.Length ? $"0x{bytes[badByte]:X2}" : "end of file";
            problems.Add(new LoadProblem(
                RuleCatalogue.InvalidEncoding,
                new SourceRange(file, offset, offset + 1),
                $"invalid UTF-8 byte {shown} at byte offset {badByte}; save the file as UTF-8"));
            return (file, byteBase, false);
        }
    }
}
