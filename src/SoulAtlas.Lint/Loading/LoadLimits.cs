using System;

namespace SoulAtlas.Lint.Loading;

/// <summary>
/// Limits that keep one hostile or corrupt file from exhausting the process. A configuration may
/// lower or raise them, but never past a hard ceiling: a value above it is taken as the ceiling.
/// </summary>
public sealed class LoadLimits
{
    /// <summary>The most YAML nodes any configuration may allow (a real metadata.yaml has a few hundred; each node costs a few hundred bytes).</summary>
    public const int YamlNodesCeiling = 200_000;

    /// <summary>The deepest nesting any configuration may allow: the tree readers recurse once per level.</summary>
    public const int DepthCeiling = 512;

    public static readonly LoadLimits Default = new();

    private readonly int _maxDepth = 64;
    private readonly int _maxYamlNodes = 20_000;

    /// <summary>The longest per-file time budget any configuration may set: ten minutes.</summary>
    public const int CheckMillisecondsCeiling = 600_000;

    private readonly int _maxCheckMilliseconds = 10_000;

    /// <summary>
    /// How long the rules may take on one file, in milliseconds of the host's clock (at most
    /// <see cref="CheckMillisecondsCeiling"/>). A real file takes a few milliseconds; past the
    /// budget the remaining rules are skipped and a resource-limit diagnostic names them. Hosts
    /// that pass no clock have no time budget.
    /// </summary>
    public int MaxCheckMilliseconds
    {
        get => _maxCheckMilliseconds;
        init => _maxCheckMilliseconds = Math.Max(1, Math.Min(value, CheckMillisecondsCeiling));
    }

    /// <summary>Largest file that is parsed, in bytes (published records are about 40 KB).</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays that is parsed (at most <see cref="DepthCeiling"/>).</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = ClampDepth(value);
    }

    /// <summary>Most YAML nodes a metadata.yaml may expand to, aliases included (at most <see cref="YamlNodesCeiling"/>).</summary>
    public int MaxYamlNodes
    {
        get => _maxYamlNodes;
        init => _maxYamlNodes = ClampYamlNodes(value);
    }

    internal static int ClampDepth(int value) => Math.Max(1, Math.Min(value, DepthCeiling));

    internal static int ClampYamlNodes(int value) => Math.Max(1, Math.Min(value, YamlNodesCeiling));
}
