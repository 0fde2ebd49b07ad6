using System;
using System.Threading;
using System.Threading.Tasks;
using SoulAtlas.Lint.Engine;
using Spectre.Console;

namespace SoulAtlas.Lint.Cli;

/// <summary>
/// A progress bar on standard error, shown only on a terminal outside CI and only when the run
/// takes longer than a moment, so quick runs and piped output stay clean.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(400);

    public static T Run<T>(CliEnvironment environment, Func<LintProgress?, T> work)
    {
        if (!environment.ErrorIsTerminal || environment.IsCi)
        {
            return work(null);
        }

        var progress = new LintProgress();
        var task = Task.Run(() => work(progress));
        if (task.Wait(Delay))
        {
            return task.GetAwaiter().GetResult();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Error),
            ColorSystem = environment.NoColorRequested ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var bar = context.AddTask("Linting");
                while (!task.Wait(100))
                {
                    bar.MaxValue = Math.Max(1, progress.Total);
                    bar.Value = progress.Done;
                }

                bar.Value = bar.MaxValue;
            });
        return task.GetAwaiter().GetResult();
    }
}
