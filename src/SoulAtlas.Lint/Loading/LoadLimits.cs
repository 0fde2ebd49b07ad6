namespace SoulAtlas.Lint.Loading;

/// <summary>Limits that keep one hostile or corrupt file from exhausting the process.</summary>
public sealed class LoadLimits
{
    public static readonly LoadLimits Default = new();

    /// <summary>Largest file that is parsed, in bytes (published records are about 40 KB).</summary>
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays that is parsed.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most YAML nodes a metadata.yaml may expand to, aliases included (a real one has a few hundred).</summary>
    public int MaxYamlNodes { get; init; } = 20_000;
}
