using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Tests;
using Xunit;
using Xunit.Abstractions;

namespace SoulAtlas.Lint.Hostile;

/// <summary>
/// Property tests over hostile input: whatever the bytes, the JSON, YAML and SOUL.md loaders and
/// every rule return diagnostics and never throw. Bounded for CI (a fixed number of inputs of
/// bounded size); set HOSTILE_FUZZ_SECONDS to run each property for that long instead, and
/// CsCheck_Seed to replay a failure (CsCheck prints the seed of the smallest failing input).
/// </summary>
public sealed class FuzzTests
{
    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static readonly long Seconds = long.TryParse(Environment.GetEnvironmentVariable("HOSTILE_FUZZ_SECONDS"), out var s) ? s : 0;

    private void Run<T>(Gen<T> gen, Action<T> property, long iterations, string what)
    {
        long tried = 0;
        void Counted(T input)
        {
            try
            {
                property(input);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                // The failing input, for the SharpFuzz harness's replay mode and for a regression test.
                var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "SoulAtlas.Lint.Tests", "TestResults", "fuzz-failures");
                Directory.CreateDirectory(folder);
                var bytes = input switch { byte[] b => b, string t => Encoding.UTF8.GetBytes(t), _ => Encoding.UTF8.GetBytes(input?.ToString() ?? string.Empty) };
                File.WriteAllBytes(Path.Combine(folder, $"{what.Replace(' ', '-')}-{ex.GetType().Name}-{bytes.Length}.bin"), bytes);
                throw;
            }

            Interlocked.Increment(ref tried);
        }

        if (Seconds > 0)
        {
            gen.Sample(Counted, time: (int)Seconds, iter: long.MaxValue);
        }
        else
        {
            gen.Sample(Counted, iter: iterations);
        }

        _output.WriteLine($"{what}: {tried} inputs");
    }

    private static readonly Gen<string> Records = Gen.Int[0, HostileInputs.FixtureRecords().Length - 1].Select(i => HostileInputs.FixtureRecords()[i]);

    private static readonly string Soul = HostileInputTests.FixtureSoul;
    private static readonly string Metadata = HostileInputTests.FixtureMetadata;

    [Fact]
    public void Json_loader_and_rules_survive_raw_bytes() =>
        Run(Gen.OneOf(Gen.Byte.Array[0, 400], Records.SelectMany(r => HostileInputs.MutatedBytes(Encoding.UTF8.GetBytes(r)))),
            bytes => HostileHarness.RecordBytes(bytes, slug: "deckhand"), 400, "json bytes");

    [Fact]
    public void Json_loader_and_rules_survive_mutated_records() =>
        Run(Records.SelectMany(HostileInputs.MutatedRecord),
            json => HostileHarness.Record(json, slug: "deckhand"), 400, "mutated records");

    [Fact]
    public void Yaml_reader_survives_hostile_text() =>
        Run(Gen.OneOf(HostileInputs.Pieces(HostileInputs.YamlPieces, 40), HostileInputs.Spliced(Metadata, HostileInputs.YamlPieces)),
            yaml =>
            {
                try
                {
                    YamlTreeReader.Read(new Text.SourceFile("/m.yaml", "m.yaml", yaml), 64, 20_000);
                }
                catch (YamlSyntaxProblem problem)
                {
                    Assert.InRange(problem.Offset, 0, yaml.Length);
                }
            }, 3_000, "yaml texts");

    [Fact]
    public void Source_loader_and_rules_survive_hostile_metadata() =>
        Run(Gen.OneOf(HostileInputs.Spliced(Metadata, HostileInputs.YamlPieces), HostileInputs.MutatedBytes(Encoding.UTF8.GetBytes(Metadata)).Select(b => Encoding.UTF8.GetString(b))),
            yaml => HostileHarness.Source(Soul, yaml, slug: "deckhand"), 150, "metadata.yaml");

    [Fact]
    public void Markdown_parse_and_body_rules_survive_hostile_soul_md() =>
        Run(Gen.OneOf(HostileInputs.Spliced(Soul, HostileInputs.MarkdownPieces), HostileInputs.Pieces(HostileInputs.MarkdownPieces, 60).Select(p => "# T\n\n## Purpose\n\n" + p)),
            soul => HostileHarness.Source(soul, Metadata, slug: "deckhand"), 150, "SOUL.md");

    [Fact]
    public void Section_splitting_and_the_body_parse_survive_any_text() =>
        Run(Gen.OneOf(Gen.String[0, 300], HostileInputs.Pieces(HostileInputs.MarkdownPieces, 80)),
            text =>
            {
                var split = SoulMarkdownParser.Parse(new Text.SourceFile("/S.md", "S.md", text));
                foreach (var section in split.Sections)
                {
                    Assert.InRange(section.MarkdownRange.Start, 0, text.Length);
                    _ = section.Syntax;
                }

                BodyMarkdown.TryParse(text, out _);
            }, 2_000, "markdown texts");
}
