using System.Linq;
using NetArchTest.Rules;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The engine's folders form one flow, bottom to top; a type never names a type of a folder above
/// its own. When two folders need each other, the shared piece moves down.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Bottom first: text → diagnostics and the rule catalogue → … → the engine → output → the disk adapter.</summary>
    public static readonly string[] Layers =
    {
        "Text", "Diagnostics", "Contract", "Documents", "Loading", "Computation", "Corpus",
        "Configuration", "Fixing", "Rules", "Engine", "Formatting", "Disk",
    };

    public static TheoryData<string> LayerNames()
    {
        var data = new TheoryData<string>();
        foreach (var layer in Layers)
        {
            data.Add(layer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_folder_names_no_type_of_a_folder_above_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).Select(l => "SoulAtlas.Lint." + l).ToArray();
        if (above.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(typeof(Engine.LintEngine).Assembly)
            .That().ResideInNamespace("SoulAtlas.Lint." + layer)
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();
        Assert.True(result.IsSuccessful, $"{layer} reaches up: {string.Join(", ", result.FailingTypeNames ?? System.Array.Empty<string>())}");
    }

    [Fact]
    public void Every_type_of_the_engine_lives_in_a_layer()
    {
        var namespaces = typeof(Engine.LintEngine).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("SoulAtlas.Lint", System.StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!)
            .Distinct()
            .Where(ns => !Layers.Any(l => ns == "SoulAtlas.Lint." + l || ns.StartsWith("SoulAtlas.Lint." + l + ".", System.StringComparison.Ordinal)))
            .ToList();
        Assert.True(namespaces.Count == 0, "outside every layer: " + string.Join(", ", namespaces));
    }

    [Fact]
    public void The_check_catches_a_reference_that_turns_back_up()
    {
        // The rules read the settings (Configuration is below Rules): allowed. The reverse would fail.
        var down = Types.InAssembly(typeof(Engine.LintEngine).Assembly).That().ResideInNamespace("SoulAtlas.Lint.Rules")
            .ShouldNot().HaveDependencyOn("SoulAtlas.Lint.Configuration").GetResult();
        Assert.False(down.IsSuccessful);
    }
}
