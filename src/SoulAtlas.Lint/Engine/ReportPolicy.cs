using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Engine;

/// <summary>Exit codes every host reports the same way.</summary>
public static class ExitCodes
{
    /// <summary>No errors, and warnings within the limit.</summary>
    public const int Clean = 0;

    /// <summary>Lint errors, or more warnings than allowed.</summary>
    public const int LintErrors = 1;

    /// <summary>Bad usage (a missing path, a bad option or config) or an internal failure.</summary>
    public const int Usage = 2;
}

/// <summary>
/// What a host reports of a result, the same in every host: problems recorded in a baseline are
/// left out, <c>quiet</c> keeps errors only, and the exit code follows errors and the warning limit.
/// </summary>
public sealed class ReportPolicy
{
    /// <summary>Problems recorded earlier, which are not reported again.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Report errors only.</summary>
    public bool Quiet { get; init; }

    /// <summary>More warnings than this fail the run.</summary>
    public int? MaxWarnings { get; init; }

    public ReportOutcome Apply(LintResult result)
    {
        var diagnostics = result.Diagnostics.Where(d => d.Severity != Severity.Off).ToList();
        var suppressed = 0;
        if (Baseline is not null)
        {
            (diagnostics, suppressed) = Baseline.Apply(diagnostics);
        }

        if (Quiet)
        {
            diagnostics = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        }

        var reported = result.WithDiagnostics(diagnostics);
        var errors = reported.Count(Severity.Error);
        var warnings = reported.Count(Severity.Warning);
        string? message = null;
        var exitCode = ExitCodes.Clean;
        if (errors > 0)
        {
            exitCode = ExitCodes.LintErrors;
        }
        else if (MaxWarnings is int max && warnings > max)
        {
            exitCode = ExitCodes.LintErrors;
            message = $"{warnings} warnings exceed --max-warnings {max}";
        }

        return new ReportOutcome(reported, exitCode, suppressed, message);
    }
}

/// <summary>What to report, the exit code, and a line for the user when the exit code needs explaining.</summary>
public sealed class ReportOutcome
{
    public ReportOutcome(LintResult result, int exitCode, int baselineSuppressed, string? message)
    {
        Result = result;
        ExitCode = exitCode;
        BaselineSuppressed = baselineSuppressed;
        Message = message;
    }

    public LintResult Result { get; }

    public int ExitCode { get; }

    /// <summary>Problems left out because the baseline records them.</summary>
    public int BaselineSuppressed { get; }

    public string? Message { get; }

    /// <summary>Diagnostics by severity, for the hosts' summaries.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;
}
