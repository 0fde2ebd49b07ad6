using SoulAtlas.Lint.Engine;

namespace SoulAtlas.Lint.Tests.Parity;

/// <summary>The one place the differential tests call the engine: default rules, computed metadata collected.</summary>
internal static class ParityLint
{
    public static LintResult Lint(string workingDirectory, params string[] paths) =>
        new Linter(new LintSettings { CollectComputed = true }).Lint(paths, workingDirectory);
}
