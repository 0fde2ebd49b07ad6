using BenchmarkDotNet.Running;

namespace SoulAtlas.Lint.Benchmarks;

/// <summary>Hot-path micro-benchmarks; run with <c>dotnet run -c Release -- --filter '*'</c> (see bench/README.md).</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scaling")
        {
            Scaling.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
