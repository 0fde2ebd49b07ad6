using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
/// Reads YAML (metadata.yaml) into the same located <see cref="JToken"/> tree that JSON produces, so
/// the schema and every rule treat both alike. Scalars resolve by the YAML 1.2 core schema: a quoted
/// value is always a string, and an unquoted date stays a string (there is no timestamp type).
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

    private const string FloatPatternPattern = @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$";
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
            var value = Located(Resolve(scalar), (int)scalar.Start.Index, (int)scalar.End.Index);
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

        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return new JValue(hex);
        }

        if (FloatPattern.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new JValue(d);
        }

        return new JValue(text);
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
