using System;
using System.Diagnostics;
using System.Linq;

namespace SoulAtlas.Lint.Tests;

/// <summary>Runs a program (dotnet, an installed tool) as a user would, without the test host's MSBuild settings.</summary>
internal static class ProcessRunner
{
    public static (int Exit, string Output) Dotnet(string workingDirectory, params string[] arguments) => Run("dotnet", workingDirectory, arguments);

    /// <summary>Runs <paramref name="file"/>; stdout and stderr together, and the exit code. Fails after 10 minutes.</summary>
    public static (int Exit, string Output) Run(string file, string workingDirectory, params string[] arguments) =>
        RunWithPackages(file, workingDirectory, packages: null, arguments);

    /// <summary>As <see cref="Run(string, string, string[])"/>, restoring into <paramref name="packages"/> (NUGET_PACKAGES) when given.</summary>
    public static (int Exit, string Output) RunWithPackages(string file, string workingDirectory, string? packages, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild settings must not leak into the user's build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(600_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " " + string.Join(" ", arguments) + " did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
