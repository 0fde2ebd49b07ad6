using System;
using System.IO;

namespace SoulAtlas.Lint.Cli;

/// <summary>What the CLI may know of the process it runs in; tests supply their own.</summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Standard output is an interactive terminal (colours and code frames).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Standard error is an interactive terminal (the progress bar).</summary>
    public bool ErrorIsTerminal { get; init; }

    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The time now (UTC): files changed shortly before it are hashed for the cache, not named by their time stamps.</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        OutIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    /// <summary>CI systems set CI=true; no progress bar there, whatever the terminal says.</summary>
    public bool IsCi => !string.IsNullOrEmpty(Variable("CI")) && !string.Equals(Variable("CI"), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>https://no-color.org: a non-empty NO_COLOR turns colour off.</summary>
    public bool NoColorRequested => !string.IsNullOrEmpty(Variable("NO_COLOR"));
}
