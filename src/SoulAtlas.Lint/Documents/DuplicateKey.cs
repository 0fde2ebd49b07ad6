using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Documents;

/// <summary>A key that an object repeats: where it is repeated and where it was first defined.</summary>
public sealed record DuplicateKey(string Key, SourceRange Repeated, SourceRange First)
{
    /// <summary>The value the repeat carries, so a third repeat can still point at the first definition.</summary>
    internal Newtonsoft.Json.Linq.JToken? Value { get; init; }
}
