using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Contract;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Text;
using SoulAtlas.Lint.Configuration;

namespace SoulAtlas.Lint.Benchmarks;

/// <summary>
/// The hot paths of a lint run over the bundled fixture corpus (records and sources of eight
/// occupations): reading and parsing, indexing, word counting, schema validation, section
/// splitting and a whole lint of one record.
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private string _corpus = string.Empty;
    private string[] _recordPaths = Array.Empty<string>();
    private byte[][] _records = Array.Empty<byte[]>();
    private SourceFile[] _soulFiles = Array.Empty<SourceFile>();
    private JObject[] _trees = Array.Empty<JObject>();
    private string[] _sections = Array.Empty<string>();
    private List<Documents.OccupationDocument> _documents = new();
    private readonly LintEngine _engine = new();
    private ContentContract _contract = null!;
    private IReadOnlyList<ContentFile> _corpusFiles = Array.Empty<ContentFile>();

    [GlobalSetup]
    public void Setup()
    {
        _corpus = FindCorpus();
        _recordPaths = Directory.GetFiles(Path.Combine(_corpus, "api", "souls"), "*.json");
        _records = _recordPaths.Select(File.ReadAllBytes).ToArray();
        _soulFiles = Directory.GetFiles(Path.Combine(_corpus, "souls"), "SOUL.md", SearchOption.AllDirectories)
            .Select(p => new SourceFile(p, p, File.ReadAllText(p)))
            .ToArray();
        _documents = _recordPaths.Select((p, i) => RecordLoader.Parse(p, p, _records[i], LoadLimits.Default, new()).Document!).ToList();
        _trees = _documents.Select(d => d.Record!).ToArray();
        _sections = _documents.SelectMany(d => d.Sections).Select(s => s.Markdown).ToArray();
        _contract = ContentContract.LoadDefault();
        _corpusFiles = Disk.DiskCorpus.Load(new[] { "." }, _corpus, new LintSettings()).Documents.Select(d => ContentFile.FromBytes(d.Path, d.Content.ToArray())).ToList();
    }

    [Benchmark(Description = "parse records + build index")]
    public CorpusIndex ParseAndIndex()
    {
        var documents = new List<Documents.OccupationDocument>(_records.Length);
        for (var i = 0; i < _records.Length; i++)
        {
            documents.Add(RecordLoader.Parse(_recordPaths[i], _recordPaths[i], _records[i], LoadLimits.Default, new()).Document!);
        }

        return new CorpusIndex(documents);
    }

    [Benchmark(Description = "word count (all sections)")]
    public int WordCount()
    {
        var total = 0;
        foreach (var markdown in _sections)
        {
            total += WordCounter.Count(markdown);
        }

        return total;
    }

    [Benchmark(Description = "schema validation (fast path)")]
    public int SchemaFastPath()
    {
        var compiled = _engine.Caches.CompiledFor(_contract.OccupationSchema);
        return _trees.Count(compiled.IsCertainlyValid);
    }

    [Benchmark(Description = "schema validation (NJsonSchema)")]
    public int SchemaNJsonSchema() => _trees.Sum(t => Rules.Structure.SchemaRule.ValidateWithNJsonSchema(t, _contract.OccupationSchema).Count);

    [Benchmark(Description = "section splitting (SOUL.md)")]
    public int SplitSections() => _soulFiles.Sum(f => SoulMarkdownParser.Parse(f).Sections.Count);

    [Benchmark(Description = "computed metadata (all records)")]
    public double Compute() => _documents.Sum(d => ComputedCalculator.Compute(d, _contract.Sections, Array.Empty<string>()).Completeness);

    [Benchmark(Description = "full lint of one record in its corpus")]
    public int LintOneRecord() =>
        _engine.Lint(new LintRequest(_corpusFiles, new LintSettings()) { Scope = LintScope.OfFiles(_recordPaths[0]) }).Diagnostics.Count;

    private static string FindCorpus()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "fixtures", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("fixtures/corpus not found above " + AppContext.BaseDirectory);
    }
}
