using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Newtonsoft.Json.Linq;

namespace SoulAtlas.Lint.Hostile;

/// <summary>
/// Generators of hostile input for the loaders and the rules: raw bytes, structured mutations of
/// the fixture records (any value replaced by a value of another shape or a hostile string), and
/// SOUL.md and metadata.yaml spliced with pieces known to be hard for Markdown, HTML and YAML readers.
/// </summary>
internal static class HostileInputs
{
    /// <summary>Pieces that stress a Markdown, HTML or URL reader, each repeated a random number of times.</summary>
    public static readonly string[] MarkdownPieces =
    {
        "~", "a~b ", "~~", "*", "**", "_", "*a ", "a*b ", "_a_", "[", "]", "[a](", "](", "![a](", "(", ")", "[x]: /a\n", "[x]: /a \"",
        "`", "``a ", "<", "<a ", "<a href=\"javascript:x\">", "</a>", "<!--", "-->", "<svg><a xlink:href=\"java&#10;script:x\">", "&#", "&#x6A;", "&amp;", "&colon;",
        "\\", "> ", "- ", "1. ", "    ", "\t", "\n", "\n\n", "\r\n", "\r", "#", "## ", "### h\n", "---\n", "| a | b |\n|---|---|\n", "|",
        "http://a.b ", "www.a.b ", "mailto:a@b ", "<https://a.b>", "/souls/x", "#anchor", "\u001b[2J", "\u0000", "\ud800", "\udc00", "😀", "\u202e",
        "<script>", "<body onload=x>", "<a title='>' onclick=x>", "<style>", "</style>", "<table><tr><td>", "<math>", "<select>", "<textarea>",
        "at the end of the day", "~20–40 °C", "O*NET ", "é", "İ", "\u00a0", "\ufeff",
    };

    public static readonly string[] YamlPieces =
    {
        "a: 1\n", "&a ", "*a ", "<<: *a\n", "[", "]", "{", "}", ", ", ": ", "- ", "? ", "!!binary ", "!!str ", "!foo ", "%YAML 1.2\n", "---\n", "...\n",
        "'", "\"", "\\u", "|\n  x\n", ">\n  y\n", "#c\n", "\t", "  ", "\n", "0x1F", "1e400", "-.inf", ".nan", "2026-13-45", "~", "null", "true",
        "title: ", "slug: ", "related:\n  - { slug: 'x', type: 'progression' }\n", "source: ", "reviewers: ", "\u0000", "\ud800", "😀", "\u001b]0;x\u0007",
    };

    /// <summary>Values a record field may be replaced by.</summary>
    private static readonly string[] JsonValues =
    {
        "[]", "{}", "\"\"", "null", "true", "0", "-1", "1e308", "-0.0", "12345678901234567890", "\"\\ud800\"", "\"\\u001b[31m\"", "[[[[[[]]]]]]",
        "[null, 1, \"x\", {}]", "{\"slug\": 1}", "\"javascript:alert(1)\"", "\"" + new string('~', 300) + "\"", "\"[a](\"", "\"2026-02-30\"",
    };

    public static Gen<string> Spliced(string baseText, string[] pieces) =>
        Gen.Select(Gen.Int[0, pieces.Length - 1], Gen.Int[1, 40], Gen.Int[0, baseText.Length], (p, n, at) => (Piece: string.Concat(Enumerable.Repeat(pieces[p], n)), At: at))
            .Array[0, 8]
            .Select(edits =>
            {
                var sb = new StringBuilder(baseText);
                foreach (var (piece, at) in edits.OrderByDescending(e => e.At))
                {
                    sb.Insert(Math.Min(at, sb.Length), piece);
                }

                return sb.ToString();
            });

    /// <summary>Strings built only of pieces (no base text), for the readers on their own.</summary>
    public static Gen<string> Pieces(string[] pieces, int maxPieces) =>
        Gen.Select(Gen.Int[0, pieces.Length - 1], Gen.Int[1, 20], (p, n) => string.Concat(Enumerable.Repeat(pieces[p], n))).Array[0, maxPieces].Select(string.Concat);

    /// <summary>A fixture record with some values replaced by values of other shapes, some strings spliced with Markdown pieces.</summary>
    public static Gen<string> MutatedRecord(string recordJson)
    {
        var paths = Tokens(JObject.Parse(recordJson)).Select(t => t.Path).ToArray();
        var change = Gen.Select(Gen.Int[0, paths.Length - 1], Gen.Int[0, JsonValues.Length - 1], Gen.Int[0, MarkdownPieces.Length - 1], Gen.Int[1, 30], Gen.Bool,
            (path, value, piece, times, splice) => (Path: paths[path], Value: JsonValues[value], Piece: string.Concat(Enumerable.Repeat(MarkdownPieces[piece], times)), Splice: splice));
        return change.Array[1, 6].Select(changes =>
        {
            var record = JObject.Parse(recordJson);
            foreach (var c in changes)
            {
                if (record.SelectToken(c.Path) is not { } token || token == record)
                {
                    continue;
                }

                if (c.Splice && token is JValue { Type: JTokenType.String } text)
                {
                    var s = (string)text!;
                    text.Value = s.Insert(s.Length / 2, c.Piece);
                }
                else
                {
                    token.Replace(JToken.Parse(c.Value));
                }
            }

            return record.ToString(Newtonsoft.Json.Formatting.None);
        });
    }

    /// <summary>Bytes of a fixture file with bytes flipped, dropped or repeated.</summary>
    public static Gen<byte[]> MutatedBytes(byte[] original) =>
        Gen.Select(Gen.Int[0, Math.Max(0, original.Length - 1)], Gen.Byte, Gen.Int[0, 2], Gen.Int[1, 64], (at, b, kind, length) => (at, b, kind, length))
            .Array[1, 10]
            .Select(edits =>
            {
                var bytes = new List<byte>(original);
                foreach (var (at, b, kind, length) in edits)
                {
                    var i = Math.Min(at, Math.Max(0, bytes.Count - 1));
                    if (bytes.Count == 0)
                    {
                        bytes.Add(b);
                    }
                    else if (kind == 0)
                    {
                        bytes[i] = b;
                    }
                    else if (kind == 1)
                    {
                        bytes.RemoveRange(i, Math.Min(length, bytes.Count - i));
                    }
                    else
                    {
                        bytes.InsertRange(i, bytes.Skip(i).Take(length).ToList());
                    }
                }

                return bytes.ToArray();
            });

    private static IEnumerable<JToken> Tokens(JToken token)
    {
        yield return token;
        foreach (var child in token.Children())
        {
            foreach (var t in Tokens(child is JProperty p ? p.Value : child))
            {
                yield return t;
            }
        }
    }

    public static string[] FixtureRecords() =>
        Directory.GetFiles(Path.Combine(Tests.TestPaths.Fixtures, "corpus", "api", "souls"), "*.json").OrderBy(p => p, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
}
