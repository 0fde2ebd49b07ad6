using System;
using System.IO;
using System.Linq;
using SharpFuzz;
using SoulAtlas.Lint.Hostile;

namespace SoulAtlas.Lint.Fuzz;

/// <summary>
/// Fuzzing targets for the three loaders and the rules behind them, for AFL (SharpFuzz's
/// out-of-process mode) or libFuzzer; see README.md. A target that throws is a bug: the harness
/// lets every exception out of the loaders and rules, which the engine would have turned into an
/// "internal error" diagnostic.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || Target(args[0]) is not { } target)
        {
            Console.Error.WriteLine("usage: SoulAtlas.Lint.Fuzz json|yaml|soul [--libfuzzer | --replay FILE-OR-FOLDER…]");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            return Replay(target, args.Skip(2));
        }

        if (args.Length > 1 && args[1] == "--libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static Action<byte[]>? Target(string name) => name switch
    {
        // A published record: bytes → UTF-8 check → located JSON tree → every rule.
        "json" => bytes => HostileHarness.RecordBytes(bytes, slug: "deckhand"),

        // metadata.yaml beside a fixture SOUL.md.
        "yaml" => bytes => HostileHarness.SourceBytes(Fixture("SOUL.md"), bytes, slug: "deckhand"),

        // SOUL.md beside a fixture metadata.yaml: the section split, the Markdown parse and the body rules.
        "soul" => bytes => HostileHarness.SourceBytes(bytes, Fixture("metadata.yaml"), slug: "deckhand"),
        _ => null,
    };

    /// <summary>Runs inputs (a crash folder, a corpus) through a target, once each, and says which throw.</summary>
    private static int Replay(Action<byte[]> target, System.Collections.Generic.IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : new[] { p }).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Console.WriteLine($"{files.Count} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static byte[] Fixture(string name)
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "fixtures", "corpus", "souls", "deckhand", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllBytes(candidate);
            }
        }

        throw new InvalidOperationException("fixtures/corpus/souls/deckhand/" + name + " not found above " + AppContext.BaseDirectory);
    }
}
