using System;
using System.Collections.Generic;
using System.IO;
using SoulAtlas.Lint.Cli;

namespace SoulAtlas.Lint.Tests;

/// <summary>Runs the CLI in-process with a chosen terminal, environment and working directory.</summary>
internal static class CliHarness
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, bool terminal, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(workingDirectory, terminal, terminal, variables, args);

    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, bool terminal, bool errorTerminal, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(null, workingDirectory, terminal, errorTerminal, variables, args);

    /// <summary>A run whose clock says <paramref name="utcNow"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunAt(DateTime utcNow, string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        Run(utcNow, workingDirectory, false, false, variables, args);

    private static (int ExitCode, string Stdout, string Stderr) Run(DateTime? utcNow, string workingDirectory, bool terminal, bool errorTerminal, IReadOnlyDictionary<string, string>? variables, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            WorkingDirectory = workingDirectory,
            OutIsTerminal = terminal,
            ErrorIsTerminal = errorTerminal,
            Variable = name => variables is not null && variables.TryGetValue(name, out var v) ? v : null,
            UtcNow = utcNow is { } now ? () => now : () => DateTime.UtcNow,
        };
        var exit = Program.Run(args, environment);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) => Run(workingDirectory, false, null, args);
}
