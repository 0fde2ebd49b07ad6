using System;
using System.Collections.Generic;
using System.Linq;

namespace SoulAtlas.Lint.Corpus;

/// <summary>A related[] entry as the index keeps it: the slug it names and its type (null when absent or not a string).</summary>
public readonly record struct TypedRelation(string Slug, string? Type);

/// <summary>One typed edge of the knowledge graph: <see cref="From"/> lists <see cref="To"/> in its related[] as <see cref="Type"/>.</summary>
public readonly record struct GraphEdge(string From, string To, string Type);

/// <summary>
/// The typed knowledge graph of a corpus: one node per slug, one edge per related[] entry that names
/// an occupation of the corpus. Built once per corpus index (on first use) and read-only after, so the
/// documents checked in parallel share it. Cycles among specializations and among prerequisites are
/// found when it is built, by an iterative Tarjan pass per type: linear in nodes and edges, with no
/// recursion, so a long chain cannot exhaust the stack.
/// </summary>
public sealed class RelationGraph
{
    /// <summary>The relationship types of schema/README.md, in the order the site lists them.</summary>
    public static readonly IReadOnlyList<string> Types = CorpusIndex.RelationshipTypes;

    public const string Specialization = "specialization";

    public const string Prerequisite = "prerequisite";

    /// <summary>The type code of an entry whose type is missing or not one of <see cref="Types"/>.</summary>
    private const byte Untyped = byte.MaxValue;

    /// <summary>
    /// The largest cycle group in which the shortest cycle through an edge is searched for; in a larger
    /// one the messages name the group's size, so checking every edge stays linear in the graph.
    /// </summary>
    public const int TraceableGroup = 256;

    private readonly string[] _slugs;
    private readonly string?[] _titles;
    private readonly Dictionary<string, int> _ids;

    // Outgoing edges by source, sorted by (target, type): targets _to[_out[v].._out[v+1]).
    private readonly int[] _out;
    private readonly int[] _to;
    private readonly byte[] _type;

    // Incoming edges by target: sources _from[_in[v].._in[v+1]).
    private readonly int[] _in;
    private readonly int[] _from;
    private readonly byte[] _fromType;

    // Per checked type (specialization, prerequisite): each node's cycle group (strongly connected
    // component of two or more souls), or -1 when the node lies on no cycle of that type.
    private readonly int[] _specializationGroup;
    private readonly int[] _prerequisiteGroup;
    private readonly int[] _specializationSizes;
    private readonly int[] _prerequisiteSizes;

    // A view that logs what one check reads shares every table with the graph it views.
    private readonly DependencyLog? _log;

    public RelationGraph(IReadOnlyList<CorpusEntry> entries)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var slugs = new List<string>(entries.Count);
        var titles = new List<string?>(entries.Count);
        foreach (var entry in entries)
        {
            if (!_ids.ContainsKey(entry.Slug))
            {
                _ids.Add(entry.Slug, slugs.Count);
                slugs.Add(entry.Slug);
                titles.Add(entry.Title);
            }
        }

        _slugs = slugs.ToArray();
        _titles = titles.ToArray();
        var n = _slugs.Length;

        // Edges by source in one counting pass (no sort over the whole edge list), then each soul's
        // few edges sorted by (target, type): linear in the edges but for a log of a soul's degree.
        var sources = new List<int>();
        var targets = new List<int>();
        var codes = new List<byte>();
        _out = new int[n + 1];
        _in = new int[n + 1];
        foreach (var entry in entries)
        {
            var from = _ids[entry.Slug];
            foreach (var relation in entry.Relations)
            {
                if (_ids.TryGetValue(relation.Slug, out var to))
                {
                    sources.Add(from);
                    targets.Add(to);
                    codes.Add(TypeCode(relation.Type));
                    _out[from + 1]++;
                    _in[to + 1]++;
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            _out[v + 1] += _out[v];
            _in[v + 1] += _in[v];
        }

        var keys = new long[sources.Count];
        var nextOut = new int[n];
        for (var i = 0; i < sources.Count; i++)
        {
            keys[_out[sources[i]] + nextOut[sources[i]]++] = ((long)targets[i] << 8) | codes[i];
        }

        _to = new int[keys.Length];
        _type = new byte[keys.Length];
        _from = new int[keys.Length];
        _fromType = new byte[keys.Length];
        var nextIn = new int[n];
        for (var v = 0; v < n; v++)
        {
            Array.Sort(keys, _out[v], _out[v + 1] - _out[v]);
            for (var e = _out[v]; e < _out[v + 1]; e++)
            {
                var to = (int)(keys[e] >> 8);
                _to[e] = to;
                _type[e] = (byte)(keys[e] & 0xFF);
                var slot = _in[to] + nextIn[to]++;
                _from[slot] = v;
                _fromType[slot] = _type[e];
            }
        }

        (_specializationGroup, _specializationSizes) = CycleGroups(TypeCode(Specialization));
        (_prerequisiteGroup, _prerequisiteSizes) = CycleGroups(TypeCode(Prerequisite));
    }

    private RelationGraph(RelationGraph viewed, DependencyLog log)
    {
        _log = log;
        _slugs = viewed._slugs;
        _titles = viewed._titles;
        _ids = viewed._ids;
        _out = viewed._out;
        _to = viewed._to;
        _type = viewed._type;
        _in = viewed._in;
        _from = viewed._from;
        _fromType = viewed._fromType;
        _specializationGroup = viewed._specializationGroup;
        _prerequisiteGroup = viewed._prerequisiteGroup;
        _specializationSizes = viewed._specializationSizes;
        _prerequisiteSizes = viewed._prerequisiteSizes;
    }

    /// <summary>Souls in the graph.</summary>
    public int Count => ReadWhole()._slugs.Length;

    /// <summary>Typed edges between souls of the graph (entries of an unknown type, or naming no soul, are not edges).</summary>
    public int EdgeCount => ReadWhole()._type.Count(t => t != Untyped);

    public bool Contains(string slug)
    {
        _log?.Add(DependencyKind.Contains, slug);
        return _ids.ContainsKey(slug);
    }

    /// <summary>Every slug, in corpus order.</summary>
    public IReadOnlyList<string> Slugs => ReadWhole()._slugs;

    public string? TitleOf(string slug) => ReadWhole()._ids.TryGetValue(slug, out var id) ? _titles[id] : null;

    /// <summary>The same graph, noting in <paramref name="log"/> every question asked of it (one view per check).</summary>
    internal RelationGraph Tracking(DependencyLog log) => new(this, log);

    /// <summary>The typed edges out of <paramref name="slug"/>, ordered by target slug position and type.</summary>
    public IEnumerable<GraphEdge> EdgesFrom(string slug)
    {
        ReadWhole();
        return EdgesOf(slug);
    }

    private IEnumerable<GraphEdge> EdgesOf(string slug)
    {
        if (!_ids.TryGetValue(slug, out var v))
        {
            yield break;
        }

        for (var e = _out[v]; e < _out[v + 1]; e++)
        {
            if (_type[e] != Untyped)
            {
                yield return new GraphEdge(slug, _slugs[_to[e]], Types[_type[e]]);
            }
        }
    }

    /// <summary>The types <paramref name="from"/> lists <paramref name="to"/> with (unknown types as null); empty when it does not list it.</summary>
    public IReadOnlyList<string?> TypesBetween(string from, string to)
    {
        _log?.Add(DependencyKind.TypesBetween, from, to);
        if (!_ids.TryGetValue(from, out var v) || !_ids.TryGetValue(to, out var w))
        {
            return Array.Empty<string?>();
        }

        var first = LowerBound(_to, _out[v], _out[v + 1], w);
        var result = new List<string?>();
        for (var e = first; e < _out[v + 1] && _to[e] == w; e++)
        {
            result.Add(_type[e] == Untyped ? null : Types[_type[e]]);
        }

        return result;
    }

    /// <summary>
    /// The souls within <paramref name="depth"/> links of <paramref name="slug"/>, following edges either
    /// way, in the order they are reached (the soul itself first); empty when the graph does not hold it.
    /// </summary>
    public IReadOnlyList<string> Around(string slug, int depth)
    {
        ReadWhole();
        if (!_ids.TryGetValue(slug, out var start))
        {
            return Array.Empty<string>();
        }

        var seen = new HashSet<int> { start };
        var order = new List<int> { start };
        var frontier = new List<int> { start };
        for (var level = 0; level < depth && frontier.Count > 0; level++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                for (var e = _out[v]; e < _out[v + 1]; e++)
                {
                    if (_type[e] != Untyped && seen.Add(_to[e]))
                    {
                        next.Add(_to[e]);
                    }
                }

                for (var e = _in[v]; e < _in[v + 1]; e++)
                {
                    if (_fromType[e] != Untyped && seen.Add(_from[e]))
                    {
                        next.Add(_from[e]);
                    }
                }
            }

            order.AddRange(next);
            frontier = next;
        }

        return order.Select(v => _slugs[v]).ToList();
    }

    /// <summary>
    /// Whether the edge <paramref name="from"/> → <paramref name="to"/> of <paramref name="type"/>
    /// (specialization or prerequisite) lies on a cycle of edges of that type: both souls are in one
    /// cycle group. A soul naming itself is no cycle here (related-self reports it).
    /// </summary>
    public bool OnCycle(string type, string from, string to)
    {
        _log?.Add(DependencyKind.OnCycle, from, to, type);
        return IsOnCycle(type, from, to);
    }

    private bool IsOnCycle(string type, string from, string to)
    {
        var groups = GroupsOf(type);
        return groups is not null
            && _ids.TryGetValue(from, out var v)
            && _ids.TryGetValue(to, out var w)
            && v != w
            && groups[v] >= 0
            && groups[v] == groups[w];
    }

    /// <summary>
    /// A cycle through the edge <paramref name="from"/> → <paramref name="to"/> of <paramref name="type"/>,
    /// as slugs from <paramref name="from"/> back to it: the shortest one, found by a breadth-first
    /// search inside the cycle group. Null when the edge is on no cycle, or its group has more than
    /// <see cref="TraceableGroup"/> souls (see <see cref="CycleGroupSize"/>).
    /// </summary>
    public IReadOnlyList<string>? CycleThrough(string type, string from, string to)
    {
        _log?.Add(DependencyKind.CycleThrough, from, to, type);
        if (!IsOnCycle(type, from, to))
        {
            return null;
        }

        var groups = GroupsOf(type)!;
        var v = _ids[from];
        if (GroupSize(type, from) > TraceableGroup)
        {
            return null;
        }

        // Every soul of a group reaches every other, so the search from `to` arrives at `from`.
        var path = ShortestPath(_ids[to], v, TypeCode(type), groups, groups[v]);
        var cycle = new List<string>(path.Count + 1) { from };
        cycle.AddRange(path.Select(id => _slugs[id]));
        return cycle;
    }

    /// <summary>How many souls share <paramref name="slug"/>'s cycle group of <paramref name="type"/> (0 when it is on no cycle).</summary>
    public int CycleGroupSize(string type, string slug)
    {
        _log?.Add(DependencyKind.CycleGroupSize, slug, null, type);
        return GroupSize(type, slug);
    }

    private int GroupSize(string type, string slug)
    {
        var (groups, sizes) = string.Equals(type, Specialization, StringComparison.Ordinal) ? (_specializationGroup, _specializationSizes)
            : string.Equals(type, Prerequisite, StringComparison.Ordinal) ? (_prerequisiteGroup, _prerequisiteSizes)
            : (null, null);
        return groups is not null && _ids.TryGetValue(slug, out var v) && groups[v] >= 0 ? sizes![groups[v]] : 0;
    }

    /// <summary>The sizes of the cycle groups of a type, largest first.</summary>
    public IReadOnlyList<int> CycleGroupSizes(string type)
    {
        ReadWhole();
        return (string.Equals(type, Specialization, StringComparison.Ordinal) ? _specializationSizes
            : string.Equals(type, Prerequisite, StringComparison.Ordinal) ? _prerequisiteSizes
            : Array.Empty<int>()).OrderByDescending(c => c).ToList();
    }

    /// <summary>Notes a read that depends on the whole graph; returns this graph.</summary>
    private RelationGraph ReadWhole()
    {
        _log?.Add(DependencyKind.WholeGraph, string.Empty);
        return this;
    }

    private static byte TypeCode(string? type)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (string.Equals(Types[i], type, StringComparison.Ordinal))
            {
                return (byte)i;
            }
        }

        return Untyped;
    }

    private static int LowerBound(int[] values, int start, int end, int value)
    {
        while (start < end)
        {
            var mid = start + ((end - start) / 2);
            if (values[mid] < value)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return start;
    }

    private int[]? GroupsOf(string type) =>
        string.Equals(type, Specialization, StringComparison.Ordinal) ? _specializationGroup
        : string.Equals(type, Prerequisite, StringComparison.Ordinal) ? _prerequisiteGroup
        : null;

    /// <summary>
    /// Tarjan's strongly connected components over the edges of one type, with an explicit stack in
    /// place of recursion. Components of one soul are not cycles (self-links are skipped) and get -1.
    /// </summary>
    private (int[] Groups, int[] Sizes) CycleGroups(byte code)
    {
        var n = _slugs.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var group = new int[n];
        for (var v = 0; v < n; v++)
        {
            index[v] = -1;
            group[v] = -1;
        }

        var components = new Stack<int>();
        var calls = new Stack<(int Node, int NextEdge)>();
        var counter = 0;
        var sizes = new List<int>();
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            Visit(root);
            while (calls.Count > 0)
            {
                var (v, next) = calls.Pop();
                var descended = false;
                for (var e = next; e < _out[v + 1]; e++)
                {
                    var w = _to[e];
                    if (_type[e] != code || w == v)
                    {
                        continue;
                    }

                    if (index[w] < 0)
                    {
                        calls.Push((v, e + 1));
                        Visit(w);
                        descended = true;
                        break;
                    }

                    if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[v] == index[v])
                {
                    var member = components.Pop();
                    onStack[member] = false;
                    if (member != v)
                    {
                        // Two or more souls: a cycle group.
                        var size = 1;
                        group[member] = sizes.Count;
                        do
                        {
                            member = components.Pop();
                            onStack[member] = false;
                            group[member] = sizes.Count;
                            size++;
                        }
                        while (member != v);
                        sizes.Add(size);
                    }
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return (group, sizes.ToArray());

        void Visit(int v)
        {
            index[v] = counter;
            low[v] = counter;
            counter++;
            components.Push(v);
            onStack[v] = true;
            calls.Push((v, _out[v]));
        }
    }

    /// <summary>The nodes of a shortest path from <paramref name="source"/> to <paramref name="target"/> inside one group.</summary>
    private List<int> ShortestPath(int source, int target, byte code, int[] groups, int group)
    {
        var parent = new Dictionary<int, int> { [source] = -1 };
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (v == target)
            {
                var path = new List<int>();
                for (var p = v; p != -1; p = parent[p])
                {
                    path.Add(p);
                }

                path.Reverse();
                return path;
            }

            for (var e = _out[v]; e < _out[v + 1]; e++)
            {
                var w = _to[e];
                if (_type[e] == code && groups[w] == group && !parent.ContainsKey(w))
                {
                    parent.Add(w, v);
                    queue.Enqueue(w);
                }
            }
        }

        throw new InvalidOperationException("a cycle group is strongly connected");
    }
}
