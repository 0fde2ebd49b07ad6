using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>The soul-lint tool packed into a folder feed and installed from it into a tool path, as a user installs it.</summary>
internal static class ToolFeed
{
    private static readonly string CliProject = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint.Cli", "SoulAtlas.Lint.Cli.csproj");

    /// <summary>A version no earlier test run used, so that no package cache holds it.</summary>
    public static string NewVersion(string label) => $"0.0.0-{label}" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary><c>dotnet pack</c> of the CLI into <paramref name="feed"/>, with further pack arguments.</summary>
    public static void Pack(string workingDirectory, string feed, string version, params string[] arguments)
    {
        var (exit, log) = ProcessRunner.Dotnet(workingDirectory, new[] { "pack", CliProject, "-c", "Release", "-o", feed, "-p:PackageVersion=" + version }.Concat(arguments).ToArray());
        Assert.True(exit == 0, log);
    }

    /// <summary><c>dotnet tool install</c> from <paramref name="feed"/> into <paramref name="tools"/>; the path of the command.</summary>
    public static string Install(string workingDirectory, string feed, string version, string tools)
    {
        var (exit, log) = ProcessRunner.Dotnet(workingDirectory, "tool", "install", "SoulAtlas.Lint.Cli", "--version", version, "--tool-path", tools, "--add-source", feed);
        Assert.True(exit == 0, log);
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "soul-lint.exe" : "soul-lint");
    }
}
