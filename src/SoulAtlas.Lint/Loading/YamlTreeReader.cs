using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using SoulAtlas.Lint.Documents;

namespace SoulAtlas.Lint.Loading;

/// <summary>The YAML text could not be read; <see cref="Offset"/> is the UTF-16 offset of the problem.</summary>
public sealed class YamlSyntaxProblem : Exception
{
    public YamlSyntaxProblem(string message, int offset, bool limitExceeded)
        : base(message)
    {
        Offset = offset;
        LimitExceeded = limitExceeded;
    }

    public int Offset { get; }

    public bool LimitExceeded { get; }
}

/// <summary>
/// An unquoted scalar that the site's YAML reader (js-yaml 4, whose default schema keeps YAML 1.1
/// timestamps) reads as a Date: the tree holds what the site publishes for it (JavaScript's
/// <c>toISOString()</c>), this annotation the text as written.
/// </summary>
public sealed class JsYamlTimestamp
{
    public JsYamlTimestamp(string text)
    {
        Text = text;
    }

    public string Text { get; }
}

/// <summary>
/// What a YAML document uses beyond mappings, lists and scalars, kept on the root of its tree. An
/// edit that removes or rewrites a node is safe only when no other node stands for it.
/// </summary>
public sealed class YamlTraits
{
    public YamlTraits(bool usesAnchors)
    {
        UsesAnchors = usesAnchors;
    }

    /// <summary>Whether the document has anchors, aliases or merge keys, so that one node's text may be read in several places.</summary>
    public bool UsesAnchors { get; }
}

/// <summary>
/// Reads YAML (metadata.yaml) into the same located <see cref="JToken"/> tree that JSON produces, so
/// the schema and every rule treat both alike. Scalars resolve as the content site's reader
/// (js-yaml 4, default schema) resolves them: a quoted value is always a string; plain scalars by
/// the core schema plus 0b/0o/0x integers, merge keys (<c>&lt;&lt;</c>) and YAML 1.1 timestamps — an unquoted 2026-07-01 is a
/// Date, held as the ISO string the site publishes and marked with <see cref="JsYamlTimestamp"/>.
/// Aliases are expanded under a node budget so a "billion laughs" document cannot exhaust memory.
/// </summary>
public sealed partial class YamlTreeReader
{
    private const string IntPatternPattern = "^[-+]?[0-9]+$";
#if NET
    private static readonly Regex IntPattern = IntPatternRegex();

    [GeneratedRegex(IntPatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IntPatternRegex();
#else
    private static readonly Regex IntPattern = new(IntPatternPattern, RegexOptions.CultureInvariant);
#endif

    // js-yaml's floats: a sign only before digits ("-.5" is a string), and none that overflows.
    private const string FloatPatternPattern = @"^(?:[-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?)$";
#if NET
    private static readonly Regex FloatPattern = FloatPatternRegex();

    [GeneratedRegex(FloatPatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex FloatPatternRegex();
#else
    private static readonly Regex FloatPattern = new(FloatPatternPattern, RegexOptions.CultureInvariant);
#endif

    private readonly SourceFile _file;
    private readonly int _maxDepth;
    private readonly int _maxNodes;
    private readonly Dictionary<string, (JToken Value, int Nodes)> _anchors = new(StringComparer.Ordinal);
    private readonly List<DuplicateKey> _duplicates = new();
    private int _nodes;
    private bool _usesAnchors;

    // The end of the last node read: where the parser is known to have been when it gave up.
    private int _lastOffset;

    // Flow collections ('[', '{') that are open, innermost last: the likely culprit of a parse failure.
    private readonly Stack<int> _openFlow = new();

    private YamlTreeReader(SourceFile file, int maxDepth, int maxNodes)
    {
        _file = file;
        _maxDepth = LoadLimits.ClampDepth(maxDepth);
        _maxNodes = LoadLimits.ClampYamlNodes(maxNodes);
    }

    /// <summary>Parses the single YAML document in <paramref name="file"/>. An empty document reads as null.</summary>
    /// <exception cref="YamlSyntaxProblem">The text is not well-formed YAML, holds several documents, or exceeds a limit.</exception>
    public static (JToken Root, IReadOnlyList<DuplicateKey> Duplicates) Read(SourceFile file, int maxDepth, int maxNodes)
    {
        var reader = new YamlTreeReader(file, maxDepth, maxNodes);
        var parser = new Parser(new StringReader(file.Text));
        try
        {
            var root = reader.ReadStream(parser);
            return (root, reader._duplicates);
        }
        catch (YamlException ex)
        {
            var message = TrimMark(ex.InnerException is { } inner && ex.Message.Length < 40 ? inner.Message : ex.Message);
            if (reader._openFlow.Count > 0 && message.IndexOf("flow", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // "did not find expected ',' or ']'" is found at the end of the file; the fix is at the opener.
                var open = reader._openFlow.Peek();
                throw new YamlSyntaxProblem($"{message.TrimEnd('.')} for the '{file.Text[open]}' opened here", open, false);
            }

            throw new YamlSyntaxProblem(message, (int)Math.Min(file.Text.Length, ex.Start.Index), false);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow sequence);
            // the last node it read is the best location there is.
            var open = reader._openFlow.Count > 0 ? reader._openFlow.Peek() : NextOpener(file.Text, reader._lastOffset);
            if (open >= 0)
            {
                throw new YamlSyntaxProblem($"the flow collection opened here with '{file.Text[open]}' is not closed properly", open, false);
            }

            throw new YamlSyntaxProblem("the YAML cannot be parsed past this point; look for an unclosed bracket, brace or quote", Math.Min(file.Text.Length, reader._lastOffset), false);
        }
    }

    private JToken ReadStream(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return Located(JValue.CreateNull(), 0, 0);
        }

        parser.Consume<DocumentStart>();
        var root = parser.Accept<DocumentEnd>(out _) ? Located(JValue.CreateNull(), 0, 0) : ReadNode(parser, 0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlSyntaxProblem("metadata.yaml must hold one YAML document; a second one starts here", (int)second.Start.Index, false);
        }

        parser.Consume<StreamEnd>();
        root.AddAnnotation(new YamlTraits(_usesAnchors));
        return root;
    }

    private JToken ReadNode(IParser parser, int depth)
    {
        if (depth > _maxDepth)
        {
            throw new YamlSyntaxProblem($"nesting is deeper than the limit of {_maxDepth}", (int)parser.Current!.Start.Index, true);
        }

        if (++_nodes > _maxNodes)
        {
            throw new YamlSyntaxProblem($"the document expands to more than {_maxNodes} nodes (aliases included)", (int)parser.Current!.Start.Index, true);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            _usesAnchors = true;
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlSyntaxProblem($"alias *{alias.Value.Value} refers to no anchor", (int)alias.Start.Index, false);
            }

            // Counted before it is copied, so that memory never holds more than the budget.
            _nodes += target.Nodes;
            if (_nodes > _maxNodes)
            {
                throw new YamlSyntaxProblem($"the document expands to more than {_maxNodes} nodes (aliases included)", (int)alias.Start.Index, true);
            }

            var copy = target.Value.DeepClone();

            // The copy is reported where the alias stands.
            foreach (var node in SelfAndDescendants(copy))
            {
                node.RemoveAnnotations<JsonNodeSpan>();
            }

            copy.AddAnnotation(new JsonNodeSpan(_file, (int)alias.Start.Index, (int)alias.End.Index));
            return copy;
        }

        var nodesBefore = _nodes - 1;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            _lastOffset = (int)scalar.End.Index;
            var resolved = Resolve(scalar);
            var value = Located(resolved, (int)scalar.Start.Index, (int)scalar.End.Index);
            Remember(scalar, value, _nodes - nodesBefore);
            return value;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JArray();
            var span = new JsonNodeSpan(_file, (int)sequenceStart.Start.Index, -1);
            array.AddAnnotation(span);
            var flow = sequenceStart.Style == SequenceStyle.Flow;
            if (flow)
            {
                _openFlow.Push(span.Start);
            }

            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var item = ReadNode(parser, depth + 1);
                array.Add(item);
                span.End = item.Annotation<JsonNodeSpan>()!.End;
            }

            if (flow)
            {
                _openFlow.Pop();
            }

            // A flow sequence ends at its ']'; a block one at its last item.
            span.End = Math.Max(span.End, span.Start + 1);
            Remember(sequenceStart, array, _nodes - nodesBefore);
            return array;
        }

        var mappingStart = parser.Consume<MappingStart>();
        var obj = new JObject();
        var objectSpan = new JsonNodeSpan(_file, (int)mappingStart.Start.Index, -1);
        obj.AddAnnotation(objectSpan);
        var flowMapping = mappingStart.Style == MappingStyle.Flow;
        if (flowMapping)
        {
            _openFlow.Push(objectSpan.Start);
        }

        var seen = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        List<JToken>? merges = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var keyToken = ReadNode(parser, depth + 1);
            var key = KeyText(keyToken);
            var keyRange = new SourceRange(_file, (int)keyEvent.Start.Index, (int)keyEvent.End.Index);
            var value = ReadNode(parser, depth + 1);
            var valueSpan = value.Annotation<JsonNodeSpan>()!;
            valueSpan.KeyStart = keyRange.Start;
            valueSpan.KeyEnd = keyRange.End;
            objectSpan.End = valueSpan.End;
            // js-yaml's merge key: `<<: *base` (or a list of mappings) adds the keys the mapping lacks.
            if (keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain } && (value is JObject || (value is JArray list && list.All(i => i is JObject))))
            {
                _usesAnchors = true;
                (merges ??= new List<JToken>()).Add(value);
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                _duplicates.Add(new DuplicateKey(key, keyRange, first));
            }
            else
            {
                seen.Add(key, keyRange);
            }

            obj[key] = value;
        }

        if (flowMapping)
        {
            _openFlow.Pop();
        }

        foreach (var merge in merges ?? Enumerable.Empty<JToken>())
        {
            var span = merge.Annotation<JsonNodeSpan>();
            foreach (var source in merge is JArray sources ? sources.Cast<JObject>() : new[] { (JObject)merge })
            {
                foreach (var property in source.Properties())
                {
                    if (obj[property.Name] is null)
                    {
                        // A merged value is a copy: it counts against the node limit like an alias does.
                        _nodes += property.Value is JContainer container ? container.DescendantsAndSelf().Count() : 1;
                        if (_nodes > _maxNodes)
                        {
                            throw new YamlSyntaxProblem($"the document expands to more than {_maxNodes} nodes (aliases included)", span?.Start ?? 0, true);
                        }

                        var copy = property.Value.DeepClone();
                        if (copy.Annotation<JsonNodeSpan>() is null && span is not null)
                        {
                            copy.AddAnnotation(new JsonNodeSpan(_file, span.Start, span.End));
                        }

                        obj[property.Name] = copy;
                    }
                }
            }
        }

        objectSpan.End = Math.Max(objectSpan.End, objectSpan.Start + 1);
        Remember(mappingStart, obj, _nodes - nodesBefore);
        return obj;
    }

    /// <summary>Keeps an anchored node and how many nodes it expands to (keys included), which an alias to it adds.</summary>
    /// <summary>
    /// A key as the site's YAML reader turns it into a property name (JavaScript's String()): a scalar
    /// as written, a list as its items joined with commas, a mapping as "[object Object]". Never the
    /// key's JSON text: each level of nested complex keys (<c>? ? ? a</c>) would escape the one inside
    /// it again, and the name would double in length with every level.
    /// </summary>
    private static string KeyText(JToken key)
    {
        const int MaxLength = 1024;
        var text = key switch
        {
            JValue { Type: JTokenType.Null } => "null",
            JValue { Type: JTokenType.Boolean } b => (bool)b! ? "true" : "false",
            JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "null",
            JArray array => string.Join(",", System.Linq.Enumerable.Select(array, item => item.Type == JTokenType.Null ? string.Empty : KeyText(item))),
            _ => "[object Object]",
        };

        return text.Length > MaxLength ? text.Substring(0, MaxLength) : text;
    }

    private void Remember(NodeEvent node, JToken value, int nodes)
    {
        if (!node.Anchor.IsEmpty)
        {
            _usesAnchors = true;
            _anchors[node.Anchor.Value] = (value, nodes);
        }
    }

    private JToken Located(JValue value, int start, int end)
    {
        value.AddAnnotation(new JsonNodeSpan(_file, start, end));
        return value;
    }

    private static IEnumerable<JToken> SelfAndDescendants(JToken token) =>
        token is JContainer container ? container.DescendantsAndSelf() : new[] { token };

    /// <summary>YAML 1.2 core schema resolution for plain scalars; explicit core tags are honoured.</summary>
    private static JValue Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (tag is null && scalar.Style != ScalarStyle.Plain))
        {
            return new JValue(text);
        }

        return ResolvePlain(text);
    }

    /// <summary>Whether <paramref name="text"/>, written as a plain scalar, reads as that very string (not a number, boolean, null or date).</summary>
    internal static bool ReadsAsItself(string text) =>
        ResolvePlain(text) is { Type: JTokenType.String } value && value.Annotation<JsYamlTimestamp>() is null && string.Equals((string)value!, text, StringComparison.Ordinal);

    private static JValue ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new JValue(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new JValue(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return new JValue(double.NaN);
        }

        if (IntPattern.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new JValue(l);
        }

        if (RadixInteger(text) is { } radix)
        {
            return radix;
        }

        if (FloatPattern.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return new JValue(d);
        }

        if (Timestamp(text) is { } iso)
        {
            var value = new JValue(iso);
            value.AddAnnotation(new JsYamlTimestamp(text));
            return value;
        }

        return new JValue(text);
    }

    /// <summary>js-yaml's 0b, 0o and 0x integers, with an optional sign.</summary>
    private static JValue? RadixInteger(string text)
    {
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (text.Length < i + 3 || text[i] != '0' || text[i + 1] is not ('b' or 'o' or 'x'))
        {
            return null;
        }

        var radix = text[i + 1] switch { 'b' => 2, 'o' => 8, _ => 16 };
        double value = 0;
        for (var j = i + 2; j < text.Length; j++)
        {
            var c = text[j];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        if (text[0] == '-')
        {
            value = -value;
        }

        return Math.Abs(value) < 9.2e18 ? new JValue((long)value) : new JValue(value);
    }

    private const string TimestampPatternPattern = @"^([0-9]{4})-([0-9]{2})-([0-9]{2})$|^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$";
#if NET
    private static readonly Regex TimestampPattern = TimestampPatternRegex();

    [GeneratedRegex(TimestampPatternPattern, RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPatternRegex();
#else
    private static readonly Regex TimestampPattern = new(TimestampPatternPattern, RegexOptions.CultureInvariant);
#endif

    /// <summary>
    /// A YAML 1.1 timestamp as js-yaml constructs it (<c>Date.UTC</c>, which rolls over out-of-range
    /// months and days and reads years below 100 as 19xx), in JavaScript's <c>toISOString()</c> form;
    /// null when the text is not one.
    /// </summary>
    internal static string? Timestamp(string text)
    {
        if (text.Length < 10 || text[4] != '-')
        {
            return null;
        }

        var m = TimestampPattern.Match(text);
        if (!m.Success)
        {
            return null;
        }

        static int N(Group g) => g.Success && g.Length > 0 ? int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var dateOnly = m.Groups[1].Success;
        var year = dateOnly ? N(m.Groups[1]) : N(m.Groups[4]);
        var month = dateOnly ? N(m.Groups[2]) : N(m.Groups[5]);
        var day = dateOnly ? N(m.Groups[3]) : N(m.Groups[6]);
        if (year < 100)
        {
            year += 1900;
        }

        try
        {
            var date = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(month - 1).AddDays(day - 1);
            if (!dateOnly)
            {
                var fraction = m.Groups[10].Value;
                fraction = fraction.Length > 3 ? fraction.Substring(0, 3) : fraction.PadRight(3, '0');
                date = date.AddHours(N(m.Groups[7])).AddMinutes(N(m.Groups[8])).AddSeconds(N(m.Groups[9]))
                    .AddMilliseconds(int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture));
                if (m.Groups[12].Success)
                {
                    var delta = (N(m.Groups[13]) * 60) + N(m.Groups[14]);
                    date = date.AddMinutes(m.Groups[12].Value == "-" ? delta : -delta);
                }
            }

            return date.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The first '[' or '{' after <paramref name="offset"/> on the same line, or -1.</summary>
    private static int NextOpener(string text, int offset)
    {
        for (var i = Math.Max(0, offset); i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] is '[' or '{')
            {
                return i;
            }
        }

        return -1;
    }

    private static string TrimMark(string message)
    {
        // "(Line: 3, Col: 7, Idx: 40) - (Line: 3, Col: 8, Idx: 41): While scanning…": the location is reported separately.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message.Substring(cut + 3) : message;
    }
}
