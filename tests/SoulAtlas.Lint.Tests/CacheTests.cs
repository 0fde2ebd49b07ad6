using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Formatting;
using SoulAtlas.Lint.Text;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// The result cache (<c>--cache</c>): a run that reuses results reports exactly what a run without
/// the cache reports, in every output format, after any sequence of edits; it rechecks only what an
/// edit can change; and a cache that cannot be trusted is set aside with a note.
/// </summary>
public sealed class CacheTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "soul-lint-cache-" + Guid.NewGuid().ToString("N"));

    private static readonly DateTime[] Days = { new(2026, 11, 24), new(2026, 3, 15), new(2025, 1, 1), new(2026, 4, 1), new(2026, 4, 10), new(2026, 4, 25) };

    private static readonly string[] Types = { "related", "specialization", "prerequisite", "adjacent", "collaboration", "progression", "mentor" };

    private static readonly string[] Anchors = { "extra-step-1", "extra-step-2", "purpose", "no-such-anchor" };

    /// <summary>
    /// The kinds of edit (see <see cref="Corpus.Apply"/>), those that change what other occupations
    /// read (links, anchors, titles, deletions) more often than the others.
    /// </summary>
    private static readonly int[] KindsByWeight = { 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 5, 6, 6, 7, 8, 8, 8, 8, 9, 10, 10, 11, 11, 12, 13, 14, 14 };

    /// <summary>The fixture corpus (eight occupations as source folders and records, one mirrored folder), by path relative to it.</summary>
    private static readonly IReadOnlyDictionary<string, byte[]> Fixture = Directory
        .GetFiles(Path.Combine(TestPaths.Fixtures, "corpus"), "*", SearchOption.AllDirectories)
        .ToDictionary(p => Path.GetRelativePath(Path.Combine(TestPaths.Fixtures, "corpus"), p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static readonly LintEngine ColdEngine = new(Lint.Contract);

    /// <summary>Every rule on (those off by default as warnings), so every kind of cross-document question is asked.</summary>
    private static LintSettings Settings(DateTime today) => new()
    {
        Today = today,
        Severities = RuleCatalogue.All.Where(r => r.DefaultSeverity == Severity.Off).ToDictionary(r => r.Id, _ => Severity.Warning),
    };

    /// <summary>One edit of the corpus: what to do, and a seed for the choices of where and how.</summary>
    public readonly record struct Edit(int Kind, int Seed)
    {
        public override string ToString() => $"{Kind}/{Seed}";
    }

    private static readonly Gen<Edit[]> EditSequences =
        Gen.Select(Gen.Int[0, KindsByWeight.Length - 1], Gen.Int[0, int.MaxValue]).Select((k, seed) => new Edit(KindsByWeight[k], seed)).Array[1, 8];

    [Fact]
    public void After_any_sequence_of_edits_a_run_with_the_cache_reports_exactly_what_a_run_without_it_reports()
    {
        EditSequences.Sample(
            edits =>
            {
                var corpus = new Corpus();
                var engine = new LintEngine(Lint.Contract);
                var cache = new LintCache();
                Assert.Equal(Cold(corpus), Warm(engine, corpus, cache).Report);
                foreach (var edit in edits)
                {
                    corpus.Apply(edit);
                    if (edit.Seed % 2 == 0)
                    {
                        // As the CLI keeps it between processes.
                        cache = LintCache.FromBytes(cache.ToBytes());
                    }

                    var (report, use) = Warm(engine, corpus, cache);
                    Assert.NotNull(use);
                    Assert.Equal(Cold(corpus), report);
                }
            },
            iter: 40,
            threads: 1);
    }

    /// <summary>
    /// Edits whose effect on another occupation reaches it through one question only (the random
    /// sequences above find these rarely): each step is checked with and without the cache.
    /// </summary>
    private static readonly Dictionary<string, Action<Corpus>[]> Scenarios = new(StringComparer.Ordinal)
    {
        // cargo-inspector → deckhand → harbour-pilot → cargo-inspector: the last edge changes only whether cargo-inspector's edge is on a cycle.
        ["a cycle closed by an edge elsewhere"] = new Action<Corpus>[]
        {
            c => c.AddRelated("souls/cargo-inspector", "deckhand", "specialization"),
            c => c.AddRelated("souls/harbour-pilot", "cargo-inspector", "specialization"),
            c => c.AddRelated("souls/deckhand", "harbour-pilot", "specialization"),
        },

        // An entry of no relationship type is no backlink, but it answers lighthouse-keeper's one-sided link.
        ["a link answered by an entry that is no edge"] = new Action<Corpus>[]
        {
            c => c.AddRelated("souls/harbour-pilot", "lighthouse-keeper", "mentor"),
        },

        ["a misspelt link with a nearer suggestion"] = new Action<Corpus>[]
        {
            c => c.AddRelated("souls/deckhand", "port-engineerxx", "related"),
            c => c.Rename("souls/cargo-inspector", "souls/port-engineerx"),
        },

        ["a slug claimed by a second folder"] = new Action<Corpus>[]
        {
            c => c.Rewrite("souls/deckhand/metadata.yaml", m => m.Replace("slug: 'deckhand'", "slug: 'harbour-pilot'", StringComparison.Ordinal)),
        },

        ["a title taken by another occupation"] = new Action<Corpus>[]
        {
            c => c.Rewrite("souls/cargo-inspector/metadata.yaml", m => m.Replace("title: 'Cargo Inspector'", "title: 'Deckhand'", StringComparison.Ordinal)),
        },

        ["an anchor that appears on the linked page"] = new Action<Corpus>[]
        {
            c => c.Rewrite("souls/deckhand/SOUL.md", b => b.Replace("## Purpose\n\n", "## Purpose\n\nSee [the pilot](/souls/harbour-pilot#extra-step-1). ", StringComparison.Ordinal)),
            c => c.Rewrite("souls/harbour-pilot/SOUL.md", b => b + "\n### Extra Step 1\n\nA step added later.\n"),
            c => c.Rewrite("souls/harbour-pilot/SOUL.md", b => b.Replace("### Extra Step 1", "### Extra Step 2", StringComparison.Ordinal)),
        },

        ["a record whose source folder goes"] = new Action<Corpus>[]
        {
            c => c.Remove("souls/deckhand"),
            c => c.Remove("api/souls/ship-captain.json"),
        },
    };

    public static TheoryData<string> ScenarioNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Scenarios.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void An_edit_that_reaches_another_occupation_through_one_answer_rechecks_it(string scenario)
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        Warm(engine, corpus, cache);
        foreach (var step in Scenarios[scenario])
        {
            step(corpus);
            var (report, use) = Warm(engine, corpus, cache);
            Assert.Equal(Cold(corpus), report);
            Assert.True(use!.Reused > 0);
        }
    }

    [Fact]
    public void A_second_run_over_an_unchanged_corpus_checks_nothing_and_an_edit_checks_the_edited_occupation_and_its_neighbours()
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        var first = Warm(engine, corpus, cache).Use!;
        Assert.Equal(0, first.Reused);
        Assert.True(first.Changed);

        var second = Warm(engine, corpus, cache).Use!;
        Assert.Equal(0, second.Checked);
        Assert.Equal(first.Checked, second.Reused);
        Assert.Equal(0, second.Surveyed);
        Assert.False(second.Changed);

        // A sentence in a section of one occupation: that folder, and the record checked against it.
        corpus.Files["souls/deckhand/SOUL.md"] = Encoding.UTF8.GetBytes(corpus.Text("souls/deckhand/SOUL.md").Replace("## Core Mission\n\n", "## Core Mission\n\nA new sentence. ", StringComparison.Ordinal));
        var body = Warm(engine, corpus, cache).Use!;
        Assert.Equal(new[] { "api/souls/deckhand.json", "souls/deckhand" }, Relative(body.CheckedPaths));
        Assert.Equal(1, body.Surveyed);

        // Its index entry is as it was, so only the record's question about its source folder is asked again.
        Assert.Equal(1, body.Asked);
        Assert.Equal(second.Reused - 2, body.Reused);

        // A new link: the occupation and the one it now links to (its backlinks changed), with their
        // records, and whatever lists one of the two (the types between them are answered afresh).
        corpus.Files["souls/deckhand/metadata.yaml"] = Encoding.UTF8.GetBytes(corpus.Text("souls/deckhand/metadata.yaml").Replace("related:\n", "related:\n  - { slug: 'lighthouse-keeper', type: 'related' }\n", StringComparison.Ordinal));
        var link = Warm(engine, corpus, cache).Use!;
        var rechecked = Relative(link.CheckedPaths);
        Assert.Contains("souls/deckhand", rechecked);
        Assert.Contains("souls/lighthouse-keeper", rechecked);
        Assert.Contains("api/souls/lighthouse-keeper.json", rechecked);
        Assert.DoesNotContain("souls/cargo-inspector", rechecked);
        Assert.DoesNotContain("souls/marine-surveyor", rechecked);
        Assert.True(link.Reused >= 8, string.Join(", ", rechecked));

        // The index changed: every cached result's questions are asked again.
        Assert.Equal(second.Reused - 1, link.Asked);
    }

    /// <summary>
    /// A run over the whole corpus leaves every result confirmed against its index (the cache is
    /// settled), so the next run over the same files asks no question again; a run over part of the
    /// corpus carries the other results over unconfirmed, and the next whole run asks theirs.
    /// </summary>
    [Fact]
    public void Results_carried_over_by_a_run_over_part_of_the_corpus_are_confirmed_by_the_next_whole_run()
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        Warm(engine, corpus, cache);
        Assert.NotNull(cache.Snapshot!.SettledKey);
        Assert.Equal(cache.Snapshot.SettledKey, LintCache.FromBytes(cache.ToBytes()).Snapshot!.SettledKey);

        // deckhand links to lighthouse-keeper, whose backlinks change; only deckhand is linted.
        corpus.Files["souls/deckhand/metadata.yaml"] = Encoding.UTF8.GetBytes(corpus.Text("souls/deckhand/metadata.yaml").Replace("related:\n", "related:\n  - { slug: 'lighthouse-keeper', type: 'related' }\n", StringComparison.Ordinal));
        var part = engine.Lint(new LintRequest(corpus.KeptDocuments(), Settings(corpus.Today))
        {
            BaseDirectory = Root,
            Cache = cache,
            Scope = new LintScope(Array.Empty<string>(), new[] { Path.Combine(Root, "souls", "deckhand") }),
        });
        Assert.Equal(new[] { "souls/deckhand" }, Relative(part.Cache!.CheckedPaths));
        Assert.Null(cache.Snapshot!.SettledKey);
        Assert.Null(LintCache.FromBytes(cache.ToBytes()).Snapshot!.SettledKey);

        // The whole corpus, no file changed since: lighthouse-keeper's answers are asked, and differ.
        var (report, use) = Warm(engine, corpus, cache);
        Assert.Contains("souls/lighthouse-keeper", Relative(use!.CheckedPaths));
        Assert.DoesNotContain("souls/deckhand", Relative(use.CheckedPaths));
        Assert.Equal(Cold(corpus), report);
        Assert.NotNull(cache.Snapshot!.SettledKey);

        // And once settled, unchanged: nothing checked, nothing to save.
        var again = Warm(engine, corpus, cache).Use!;
        Assert.Equal(0, again.Checked);
        Assert.False(again.Changed);
    }

    [Fact]
    public void The_cache_tells_a_host_whether_it_knows_every_document_at_its_version()
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        List<ContentFile> Versioned(string? changed = null) => corpus.Files
            .Select(f => ContentFile.FromBytes(Path.Combine(Root, f.Key), f.Value).WithVersion(f.Key == changed ? "v2" : "v1"))
            .ToList();

        Assert.False(cache.KnowsEvery(Versioned()));
        engine.Lint(new LintRequest(Versioned(), Settings(corpus.Today)) { BaseDirectory = Root, Cache = cache });
        Assert.True(cache.KnowsEvery(Versioned()));
        Assert.True(LintCache.FromBytes(cache.ToBytes()).KnowsEvery(Versioned()));

        // Another version of one file, a file without one, a file the cache never saw: not known.
        Assert.False(cache.KnowsEvery(Versioned("souls/deckhand/SOUL.md")));
        Assert.False(cache.KnowsEvery(Versioned().Select(f => f.Path.EndsWith("deckhand.json", StringComparison.Ordinal) ? f.WithVersion(null) : f)));
        Assert.False(cache.KnowsEvery(Versioned().Append(ContentFile.FromBytes(Path.Combine(Root, "souls/new-soul/SOUL.md"), Encoding.UTF8.GetBytes("# New\n")).WithVersion("v1"))));

        // A path the host passed over is no document to know.
        Assert.True(cache.KnowsEvery(Versioned().Append(ContentFile.Skipped(Path.Combine(Root, "souls/link"), "a symbolic link"))));
    }

    [Fact]
    public void A_check_cut_short_by_its_time_budget_is_not_kept()
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        var settings = Settings(corpus.Today) with { Limits = new Loading.LoadLimits { MaxCheckMilliseconds = 1_000 } };

        // Every look at the clock is a second later: every check runs out of time.
        var ticks = 0L;
        var slow = engine.Lint(new LintRequest(corpus.KeptDocuments(), settings) { BaseDirectory = Root, Cache = cache, Clock = () => TimeSpan.FromSeconds(Interlocked.Increment(ref ticks)) });
        Assert.Contains(slow.Diagnostics, d => d.Rule == RuleCatalogue.ResourceLimit && d.Message.Contains("time budget", StringComparison.Ordinal));

        // With time to spare, every occupation is checked again, and the report is a cold run's.
        var again = engine.Lint(new LintRequest(corpus.KeptDocuments(), settings) { BaseDirectory = Root, Cache = cache });
        Assert.Equal(0, again.Cache!.Reused);
        Assert.Equal(slow.Cache!.Checked, again.Cache.Checked);
        Assert.Equal(Cold(corpus, settings), Report(again));
        Assert.Equal(again.Cache.Checked, engine.Lint(new LintRequest(corpus.KeptDocuments(), settings) { BaseDirectory = Root, Cache = cache }).Cache!.Reused);
    }

    [Fact]
    public void A_setting_that_shapes_results_invalidates_the_cache_and_a_new_day_only_what_it_changes()
    {
        var corpus = new Corpus();
        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        Warm(engine, corpus, cache);

        // The next day: every date of the fixtures stays in the past, so nothing is checked again.
        var tomorrow = Warm(engine, corpus, cache, Settings(Days[0].AddDays(1))).Use!;
        Assert.Equal(0, tomorrow.Checked);

        // Days before a review date of port-engineer (2026-04-20) and ship-captain's updated date
        // (2026-05-12): those dates are after today, and the messages name today, so these two (their
        // folders and records) are checked again on each such day, and once more on the first day a
        // date is past; no other occupation is.
        var before = Warm(engine, corpus, cache, Settings(new DateTime(2026, 4, 10)));
        Assert.Equal(Cold(corpus, Settings(new DateTime(2026, 4, 10))), before.Report);
        foreach (var (day, expected) in new[]
        {
            (new DateTime(2026, 4, 11), new[] { "port-engineer", "ship-captain" }),
            (new DateTime(2026, 4, 25), new[] { "port-engineer", "ship-captain" }),
            (new DateTime(2026, 5, 13), new[] { "ship-captain" }),
            (new DateTime(2026, 5, 14), Array.Empty<string>()),
        })
        {
            var (report, use) = Warm(engine, corpus, cache, Settings(day));
            Assert.Equal(expected.Select(s => $"api/souls/{s}.json").Concat(expected.Select(s => "souls/" + s)), Relative(use!.CheckedPaths));
            Assert.Equal(Cold(corpus, Settings(day)), report);
        }

        // A severity: every result is made again.
        var severities = new Dictionary<string, Severity>(Settings(Days[0]).Severities) { [RuleCatalogue.ThinSection.Id] = Severity.Error };
        var stricter = Settings(Days[0]) with { Severities = severities };
        var rule = Warm(engine, corpus, cache, stricter);
        Assert.Equal(0, rule.Use!.Reused);
        Assert.Equal(Cold(corpus, stricter), rule.Report);

        // The site URL (a link to the site is read by it) and the limits, likewise.
        Assert.Equal(0, Warm(engine, corpus, cache, stricter with { SiteUrl = "https://example.org" }).Use!.Reused);
        Assert.Equal(0, Warm(engine, corpus, cache, stricter with { SiteUrl = "https://example.org", Limits = new Loading.LoadLimits { MaxDepth = 40 } }).Use!.Reused);
    }

    [Fact]
    public void A_run_that_collects_computed_metadata_neither_reads_nor_changes_the_cache()
    {
        var corpus = new Corpus();
        var cache = new LintCache();
        var result = new LintEngine(Lint.Contract).Lint(new LintRequest(corpus.Documents(), Settings(Days[0]) with { CollectComputed = true }) { BaseDirectory = Root, Cache = cache });
        Assert.Null(result.Cache);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Cached_diagnostics_keep_their_text_fixes_and_fingerprints()
    {
        var corpus = new Corpus();

        // Stale computed values in a record (fixable), a byte-order mark, and an invalid byte in a SOUL.md.
        corpus.Files["api/souls/deckhand.json"] = Encoding.UTF8.GetBytes("\uFEFF" + corpus.Text("api/souls/deckhand.json").Replace("\"wordCount\": 39", "\"wordCount\": 40", StringComparison.Ordinal));
        var soul = corpus.Files["souls/harbour-pilot/SOUL.md"].ToList();
        soul.Insert(soul.Count / 2, 0xFF);
        corpus.Files["souls/harbour-pilot/SOUL.md"] = soul.ToArray();

        var engine = new LintEngine(Lint.Contract);
        var cache = new LintCache();
        Warm(engine, corpus, cache);
        cache = LintCache.FromBytes(cache.ToBytes());
        var (report, use) = Warm(engine, corpus, cache);
        Assert.Equal(0, use!.Checked);
        Assert.Equal(Cold(corpus), report);
        Assert.Contains("SOUL100", report, StringComparison.Ordinal);
        Assert.Contains("fix ", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_property_of_a_diagnostic_is_kept_by_the_cache()
    {
        // A property added to Diagnostic must be stored and rebuilt by the cache (LintEngineCache's
        // Keep and Rebuild, LintCacheFormat), or reused diagnostics would lack it: add it there, then here.
        var known = new[]
        {
            "Rule", "RuleId", "Severity", "File", "FullPath", "Start", "Length", "Source", "Fix", "Suggestions", "Line", "Column", "EndLine", "EndColumn", "Slug", "Message", "Fixable",
        };
        Assert.Equal(known.OrderBy(n => n, StringComparer.Ordinal), typeof(Diagnostic).GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_setting_is_in_the_cache_key_or_left_out_for_a_reason()
    {
        // CacheKeys.RunKey says why each left-out setting cannot change a cached result.
        var keyed = new[] { "CustomContract", "SiteUrl", "Limits", "Severities", "BannedPhrases", "RunDisabledRules" };
        var leftOut = new[] { "Today", "GlobBase", "IgnoreGlobs", "RecordGlobs", "CollectComputed", "MaxDegreeOfParallelism" };
        Assert.Equal(
            keyed.Concat(leftOut).OrderBy(n => n, StringComparer.Ordinal),
            typeof(LintSettings).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void No_rule_reads_the_day_but_through_the_rule_context()
    {
        // The day is not in the cache's key: a result that read it directly would be reused on a day it is wrong.
        var rules = Path.Combine(TestPaths.RepositoryRoot, "src", "SoulAtlas.Lint", "Rules");
        var readers = Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Settings.Today", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(rules, f).Replace('\\', '/'));
        Assert.Equal(new[] { "Rule.cs" }, readers);
    }

    [Fact]
    public void Every_question_asked_of_the_index_or_its_graph_is_logged()
    {
        // A check that read the index without the read being logged would be reused when its answer changed.
        using var disk = DiskCorpus.Load(new[] { "." }, Path.Combine(TestPaths.Fixtures, "corpus"), Settings(Days[0]));
        var index = new LintEngine(Lint.Contract).Index(disk.Request(Settings(Days[0])));
        foreach (var (owner, view) in new (Type, Func<DependencyLog, object>)[]
        {
            (typeof(CorpusIndex), log => index.Tracking(log)),
            (typeof(RelationGraph), log => index.Tracking(log).Graph),
        })
        {
            foreach (var member in owner.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(m => m.DeclaringType == owner))
            {
                if (member.Name == "get_Graph")
                {
                    continue;
                }

                var log = new DependencyLog();
                var arguments = member.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)1 : p.Name == "type" ? "specialization" : "deckhand").ToArray();
                member.Invoke(view(log), arguments);
                Assert.True(log.Dependencies.Count > 0, $"{owner.Name}.{member.Name} is not logged");
            }
        }
    }

    [Fact]
    public void A_cache_that_cannot_be_trusted_is_set_aside_with_a_note_and_the_run_is_as_without_it()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        folder.Write("souls/deckhand/metadata.yaml", File.ReadAllText(Path.Combine(folder.Path, "souls/deckhand/metadata.yaml")).Replace("ship-captain", "ship-captian", StringComparison.Ordinal));
        var cachePath = Path.Combine(folder.Path, CacheFile.DefaultName);
        var plain = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal(1, plain.ExitCode);

        var first = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild", "--cache");
        Assert.Equal((plain.ExitCode, plain.Stdout, string.Empty), (first.ExitCode, first.Stdout, first.Stderr));
        var good = File.ReadAllBytes(cachePath);
        var truncated = good.Take(good.Length / 2).ToArray();
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x10;
        var otherVersion = (byte[])good.Clone();
        otherVersion[16] ^= 0x7F;

        foreach (var (bytes, why) in new[]
        {
            (Encoding.UTF8.GetBytes("{\"not\": \"a cache\"}"), "it is not a soul-lint cache file"),
            (Array.Empty<byte>(), "it is not a soul-lint cache file"),
            (truncated, "it is damaged"),
            (flipped, "it is damaged"),
            (otherVersion, "it was written in cache format"),
        })
        {
            File.WriteAllBytes(cachePath, bytes);
            var run = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild", "--cache");
            Assert.Equal(plain.ExitCode, run.ExitCode);
            Assert.Equal(plain.Stdout, run.Stdout);
            Assert.True(run.Stderr.StartsWith("soul-lint: info: cache .soul-lint-cache was ignored: " + why, StringComparison.Ordinal), run.Stderr);
            Assert.Equal(1, run.Stderr.Count(c => c == '\n'));

            // Rewritten, and trusted by the next run.
            Assert.Equal(good.Length, File.ReadAllBytes(cachePath).Length);
            var again = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild", "--cache");
            Assert.Equal((plain.Stdout, string.Empty), (again.Stdout, again.Stderr));
        }

        // A cache made by another build of the engine is not trusted either.
        var snapshot = LintCache.FromBytes(good);
        Assert.Equal(good, snapshot.ToBytes());
        var foreign = Encoding.ASCII.GetBytes("soul-lint cache\n").Concat(BitConverter.GetBytes(CacheKeys.FormatVersion)).Concat(new byte[] { 0, 0 }).ToArray();
        var checksum = System.Security.Cryptography.SHA256.HashData(foreign);
        var error = Assert.Throws<LintCacheFormatException>(() => LintCache.FromBytes(foreign.Concat(checksum).ToArray()));
        Assert.Equal("it was written by another build of soul-lint", error.Message);
    }

    /// <summary>The cache file is written in 64 KiB chunks; whatever the sizes of the pieces, the file is their bytes in order, and its checksum theirs.</summary>
    [Fact]
    public void Bytes_written_in_chunks_come_out_whole_and_in_order()
    {
        var pieces = Gen.OneOf(Gen.Byte.Select(b => new[] { b }), Gen.Byte.Array[0, 70_000], Gen.Byte.Array[65_530, 65_540]).List[0, 12];
        pieces.Sample(list =>
        {
            var chunks = new LintCacheFormat.Chunks();
            var expected = new List<byte>();
            foreach (var piece in list)
            {
                if (piece.Length == 1)
                {
                    chunks.Add(piece[0]);
                }
                else
                {
                    chunks.Add(piece, piece.Length);
                }

                expected.AddRange(piece);
            }

            using var output = new MemoryStream();
            using var checksum = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            chunks.WriteTo(output, checksum);
            Assert.Equal(expected.Count, chunks.Length);
            Assert.Equal(expected.ToArray(), output.ToArray());
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(expected.ToArray()), checksum.GetHashAndReset());
        }, iter: 60);
    }

    [UnixFact]
    public void The_cache_location_may_be_a_folder_and_a_path_that_is_no_regular_file_is_neither_read_nor_replaced()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "build"));
        var run = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-location", "build");
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, "build", CacheFile.DefaultName)));

        // A folder to be made, named with a trailing separator.
        run = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-location", "tmp/lint/");
        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        Assert.True(File.Exists(Path.Combine(folder.Path, "tmp", "lint", CacheFile.DefaultName)));

        // A FIFO: opening it would block until a writer came.
        var fifo = Path.Combine(folder.Path, "fifo");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", folder.Path, fifo).Exit);
        run = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-location", "fifo");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("soul-lint: info: cache fifo is not a regular file (a folder, FIFO, socket or device); running without the cache\n", run.Stderr);

        // The note comes before the reason a run stops, as the cache is read beside the search for files.
        run = CliHarness.Run(folder.Path, "no-such-folder", "--today", "2026-11-24", "--cache", "--cache-location", "fifo");
        Assert.NotEqual(0, run.ExitCode);
        Assert.StartsWith("soul-lint: info: cache fifo is not a regular file (a folder, FIFO, socket or device); running without the cache\nsoul-lint: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-folder", run.Stderr, StringComparison.Ordinal);

        // A cache that cannot be written: a warning, and the run's result is unaffected.
        folder.Write("plain-file", "x");
        run = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-location", "plain-file/cache");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("soul-lint: warning: cache plain-file/cache: ", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("; the results were not saved\n", run.Stderr, StringComparison.Ordinal);

        var usage = CliHarness.Run(folder.Path, "--cache-location", "build");
        Assert.Equal((2, "soul-lint: --cache-location needs --cache\n"), (usage.ExitCode, usage.Stderr));
    }

    [Fact]
    public void The_cli_reuses_results_across_processes_and_rechecks_an_edited_occupation()
    {
        using var folder = new TempFolder();
        folder.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        var cachePath = Path.Combine(folder.Path, CacheFile.DefaultName);
        // By content: with the default strategy a second run may add the versions of files that
        // have settled since the first (CacheVersionTests covers that).
        var first = CliProcessTests.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-strategy", "content");
        Assert.Equal((0, string.Empty), (first.ExitCode, first.Stderr));
        var written = File.ReadAllBytes(cachePath);
        var writtenAt = File.GetLastWriteTimeUtc(cachePath);

        // Nothing changed: the same report, and the cache is not written again.
        var second = CliProcessTests.Run(folder.Path, "--today", "2026-11-24", "--cache", "--cache-strategy", "content");
        Assert.Equal((first.ExitCode, first.Stdout, string.Empty), (second.ExitCode, second.Stdout, second.Stderr));
        Assert.Equal(written, File.ReadAllBytes(cachePath));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(cachePath));

        folder.Write("souls/deckhand/SOUL.md", File.ReadAllText(Path.Combine(folder.Path, "souls/deckhand/SOUL.md")) + "\nIt is important to note the tide.\n");
        var edited = CliProcessTests.Run(folder.Path, "--today", "2026-11-24", "--cache");
        var plain = CliProcessTests.Run(folder.Path, "--today", "2026-11-24");
        Assert.Equal((plain.ExitCode, plain.Stdout), (edited.ExitCode, edited.Stdout));
        Assert.Contains("banned-phrase", edited.Stdout, StringComparison.Ordinal);

        // What was reused, as SOUL_LINT_TIMING tells it (in this process, whose engine build may differ from the executable's).
        var timing = new Dictionary<string, string> { ["SOUL_LINT_TIMING"] = "1" };
        CliHarness.Run(folder.Path, false, timing, "--today", "2026-11-24", "--cache");
        var again = CliHarness.Run(folder.Path, false, timing, "--today", "2026-11-24", "--cache");
        Assert.Equal(plain.Stdout, again.Stdout);
        Assert.Contains("timing: cache: 16 occupations reused, 0 checked, 0 indexed afresh", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_options_results_are_kept_in_the_user_cache_folder_and_reused_quietly()
    {
        using var home = new TempFolder();
        using var folder = new TempFolder();
        folder.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        folder.Write("souls/deckhand/metadata.yaml", File.ReadAllText(Path.Combine(folder.Path, "souls/deckhand/metadata.yaml")).Replace("ship-captain", "ship-captian", StringComparison.Ordinal));
        var variables = new Dictionary<string, string> { ["HOME"] = home.Path, ["SOUL_LINT_TIMING"] = "1" };
        var plain = CliHarness.Run(folder.Path, "--today", "2026-11-24", "--format", "msbuild", "--no-cache");
        Assert.Equal(1, plain.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(home.Path, ".cache")));

        var first = CliHarness.Run(folder.Path, false, variables, "--today", "2026-11-24", "--format", "msbuild");
        var second = CliHarness.Run(folder.Path, false, variables, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal((plain.ExitCode, plain.Stdout), (first.ExitCode, first.Stdout));
        Assert.Equal((plain.ExitCode, plain.Stdout), (second.ExitCode, second.Stdout));
        Assert.Contains("timing: cache: 0 occupations reused, 16 checked", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("timing: cache: 16 occupations reused, 0 checked", second.Stderr, StringComparison.Ordinal);

        // One file, named after the folder, outside the corpus; nothing is written into the corpus.
        var cacheFile = Assert.Single(Directory.GetFiles(Path.Combine(home.Path, ".cache", "soul-lint")));
        Assert.StartsWith(Path.GetFileName(folder.Path).Replace('.', '_') + "-", Path.GetFileName(cacheFile), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, CacheFile.DefaultName)));

        // XDG_CACHE_HOME, when set, is the user's cache folder.
        using var xdg = new TempFolder();
        CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path, ["XDG_CACHE_HOME"] = xdg.Path }, "--today", "2026-11-24");
        Assert.Single(Directory.GetFiles(Path.Combine(xdg.Path, "soul-lint")));

        // A damaged default cache is rebuilt without a word: the run says nothing more because of it.
        File.WriteAllBytes(cacheFile, File.ReadAllBytes(cacheFile).Take(100).ToArray());
        var damaged = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path }, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal((plain.ExitCode, plain.Stdout, string.Empty), (damaged.ExitCode, damaged.Stdout, damaged.Stderr));
        Assert.True(LintCache.FromBytes(File.ReadAllBytes(cacheFile)).Count > 0);

        // A file there that is no soul-lint cache is the user's: neither trusted nor replaced.
        File.WriteAllText(cacheFile, "notes of my own");
        var foreign = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path }, "--today", "2026-11-24", "--format", "msbuild");
        Assert.Equal((plain.ExitCode, plain.Stdout, string.Empty), (foreign.ExitCode, foreign.Stdout, foreign.Stderr));
        Assert.Equal("notes of my own", File.ReadAllText(cacheFile));
    }

    [Fact]
    public void Under_ci_and_with_no_cache_nothing_is_kept_and_the_cache_options_cannot_contradict()
    {
        using var home = new TempFolder();
        using var folder = new TempFolder();
        folder.CopyTree(Path.Combine(TestPaths.Fixtures, "corpus"));
        var ci = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path, ["CI"] = "true" }, "--today", "2026-11-24");
        var off = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path }, "--today", "2026-11-24", "--no-cache");
        var fixing = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path }, "--today", "2026-11-24", "--fix");
        Assert.Equal((0, 0, 0), (ci.ExitCode, off.ExitCode, fixing.ExitCode));
        Assert.False(Directory.Exists(Path.Combine(home.Path, ".cache")));

        // Under CI, --cache keeps one on purpose (a CI cache step can carry it between jobs).
        var kept = CliHarness.Run(folder.Path, false, new Dictionary<string, string> { ["HOME"] = home.Path, ["CI"] = "true" }, "--today", "2026-11-24", "--cache");
        Assert.Equal(0, kept.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder.Path, CacheFile.DefaultName)));

        var usage = CliHarness.Run(folder.Path, "--cache", "--no-cache");
        Assert.Equal((2, "soul-lint: --cache and --no-cache contradict each other\n"), (usage.ExitCode, usage.Stderr));
    }

    private static string[] Relative(IEnumerable<string> paths) =>
        paths.Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/')).ToArray();

    private static string Cold(Corpus corpus, LintSettings? settings = null) =>
        Report(ColdEngine.Lint(new LintRequest(corpus.Documents(), settings ?? Settings(corpus.Today)) { BaseDirectory = Root }));

    private static (string Report, CacheUse? Use) Warm(LintEngine engine, Corpus corpus, LintCache cache, LintSettings? settings = null)
    {
        var result = engine.Lint(new LintRequest(corpus.KeptDocuments(), settings ?? Settings(corpus.Today)) { BaseDirectory = Root, Cache = cache });
        return (Report(result), result.Cache);
    }

    /// <summary>Every output format, and every property of every diagnostic (its text and fixes included).</summary>
    private static string Report(LintResult result)
    {
        var report = new StringBuilder()
            .AppendLine(JsonFormatter.Format(result, "test"))
            .AppendLine(TextFormatter.Format(result, new ReportOptions { ToolVersion = "test", Color = true, CodeFrames = true }))
            .AppendLine(SarifFormatter.Format(result, new ReportOptions { ToolVersion = "test" }))
            .AppendLine(GitHubFormatter.Format(result))
            .AppendLine(MsBuildFormatter.Format(result))
            .AppendLine(Baseline.From(result.Diagnostics).ToText("test"))
            .Append(result.Files).Append(' ').Append(result.Occupations).AppendLine();
        foreach (var d in result.Diagnostics)
        {
            report.Append(d.RuleId).Append('|').Append(d.Severity).Append('|').Append(d.File).Append('|').Append(d.FullPath)
                .Append('|').Append(d.Start).Append('+').Append(d.Length).Append('|').Append(d.Slug).Append('|').Append(d.Message)
                .Append("|source ").Append(d.Source?.FullPath).Append(' ').Append(d.Source?.DisplayPath).Append(' ').Append(d.Source?.Text.Length)
                .Append(' ').Append(d.Source is null ? string.Empty : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.Unicode.GetBytes(d.Source.Text))));
            foreach (var edit in d.Fix ?? Array.Empty<TextEdit>())
            {
                report.Append("|fix ").Append(edit.Range.File.FullPath).Append(' ').Append(edit.Range.Start).Append('-').Append(edit.Range.End).Append(' ').Append(edit.NewText);
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    /// <summary>A corpus in memory under a folder that does not exist, and the edits a property test makes to it.</summary>
    private sealed class Corpus
    {
        private readonly Dictionary<string, (byte[] Bytes, ContentFile File)> _kept = new(StringComparer.Ordinal);
        private int _counter;

        public SortedDictionary<string, byte[]> Files { get; } = new(Fixture.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

        public DateTime Today { get; private set; } = Days[0];

        /// <summary>Every file as a new document.</summary>
        public List<ContentFile> Documents() => Files.Select(f => ContentFile.FromBytes(Path.Combine(Root, f.Key), f.Value)).ToList();

        /// <summary>As an editor host hands them in: the same document for a file that did not change.</summary>
        public List<ContentFile> KeptDocuments()
        {
            foreach (var gone in _kept.Keys.Where(k => !Files.ContainsKey(k)).ToList())
            {
                _kept.Remove(gone);
            }

            foreach (var (path, bytes) in Files)
            {
                if (!_kept.TryGetValue(path, out var kept) || !ReferenceEquals(kept.Bytes, bytes))
                {
                    _kept[path] = (bytes, ContentFile.FromBytes(Path.Combine(Root, path), bytes));
                }
            }

            return Files.Keys.Select(k => _kept[k].File).ToList();
        }

        public string Text(string path) => Encoding.UTF8.GetString(Files[path]);

        public void Apply(Edit edit)
        {
            var folders = Files.Keys.Where(k => k.EndsWith("/SOUL.md", StringComparison.Ordinal) || k.EndsWith("/metadata.yaml", StringComparison.Ordinal))
                .Select(k => k[..k.LastIndexOf('/')]).Distinct(StringComparer.Ordinal).ToList();
            var records = Files.Keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal)).ToList();
            // Most edits fall on a few occupations, so that they meet: a link made to a page that then gains the heading it names.
            var random = new Random(edit.Seed);
            var focus = random.Next(4) == 0 ? folders : folders.Skip(1).Take(3).ToList();
            var slugs = focus.Select(f => f[(f.LastIndexOf('/') + 1)..]).Concat(new[] { "harbour-pilott", "no-such-soul" }).ToList();
            var folder = focus.Count == 0 ? null : focus[random.Next(focus.Count)];
            var slug = slugs[random.Next(slugs.Count)];
            var n = ++_counter;
            switch (edit.Kind)
            {
                case 0 when folder is not null:
                    // A link, to an occupation or not, of any type (cycles, contradictions, backlinks).
                    var type = random.Next(2) == 0 ? Types[1 + random.Next(2)] : Types[random.Next(Types.Length)];
                    Metadata(folder, m => m.Contains("related: []", StringComparison.Ordinal)
                        ? m.Replace("related: []", $"related:\n  - {{ slug: '{slug}', type: '{type}' }}", StringComparison.Ordinal)
                        : m.Replace("related:\n", $"related:\n  - {{ slug: '{slug}', type: '{type}' }}\n", StringComparison.Ordinal));
                    break;
                case 1 when folder is not null:
                    Metadata(folder, m =>
                    {
                        var lines = m.Split('\n').ToList();
                        var links = lines.Select((l, i) => (l, i)).Where(p => p.l.StartsWith("  - { slug:", StringComparison.Ordinal)).ToList();
                        if (links.Count > 0)
                        {
                            lines.RemoveAt(links[random.Next(links.Count)].i);
                        }

                        return string.Join("\n", lines);
                    });
                    break;
                case 2:
                    // An occupation (or a record) disappears.
                    var victim = random.Next(3) == 0 && records.Count > 0 ? records[random.Next(records.Count)] : folder;
                    foreach (var path in Files.Keys.Where(k => victim is not null && (k == victim || k.StartsWith(victim + "/", StringComparison.Ordinal))).ToList())
                    {
                        Files.Remove(path);
                    }

                    break;
                case 3 when folder is not null:
                    Body(folder, b => b + $"\n### Extra Step {random.Next(2) + 1}\n\nA step added later.\n");
                    break;
                case 4 when folder is not null:
                    var titles = new[] { "Deckhand", "Harbour Pilot", "Tide Watcher", "Ship Captain" };
                    Metadata(folder, m => ReplaceLine(m, "title: ", $"title: '{titles[random.Next(titles.Length)]}'"));
                    break;
                case 5 when folder is not null:
                    Metadata(folder, m => random.Next(2) == 0 ? ": : [\n" + m : m.Replace("slug: ", "slug: [", StringComparison.Ordinal));
                    break;
                case 6 when folder is not null:
                    // A new name, an existing one (a second folder of that slug) or a near one (a new suggestion for a misspelt link).
                    var renamed = folder[..(folder.LastIndexOf('/') + 1)] + random.Next(3) switch { 0 => "renamed-" + n, 1 => slug, _ => slug + "s" };
                    if (!folders.Contains(renamed))
                    {
                        foreach (var path in Files.Keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal)).ToList())
                        {
                            Files[renamed + path[folder.Length..]] = Files[path];
                            Files.Remove(path);
                        }
                    }

                    break;
                case 7 when folder is not null:
                    Body(folder, b => b.Replace("## Workflow\n\n", random.Next(2) == 0 ? "## Workflow\n\nWe delve into the tapestry. " : "## Workflow\n\nShorter. ", StringComparison.Ordinal));
                    break;
                case 8 when folder is not null:
                    var anchor = Anchors[random.Next(Anchors.Length)];
                    var form = random.Next(5);
                    var url = form == 0 ? $"https://soul-atlas.github.io/souls/{slug}#{anchor}" : form == 1 ? $"#{anchor}" : $"/souls/{slug}#{anchor}";
                    Body(folder, b => b.Replace("## Purpose\n\n", $"## Purpose\n\nSee [the page]({url}). ", StringComparison.Ordinal));
                    break;
                case 9:
                    Today = Days[random.Next(Days.Length)];
                    break;
                case 10 when records.Count > 0:
                    var record = records[random.Next(records.Count)];
                    var json = Text(record);
                    Files[record] = Encoding.UTF8.GetBytes(random.Next(5) switch
                    {
                        0 => json.Replace("\"backlinks\": [", "\"backlinks\": [\n      \"zz-top\",", StringComparison.Ordinal),
                        1 => json.Replace("\"title\": \"", "\"title\": \"New ", StringComparison.Ordinal),
                        2 => json.Replace("\"slug\": \"ship-captain\"", $"\"slug\": \"{slug}\"", StringComparison.Ordinal),
                        3 => "\uFEFF" + json.Replace("\"wordCount\": ", "\"wordCount\": 1", StringComparison.Ordinal),
                        _ => json[..(json.Length / 2)],
                    });
                    break;
                case 11:
                    // A file as it was.
                    var original = Fixture.Keys.ElementAt(random.Next(Fixture.Count));
                    Files[original] = Fixture[original];
                    break;
                case 12 when folder is not null && Files.TryGetValue(folder + "/SOUL.md", out var soul):
                    var bytes = soul.ToList();
                    bytes.Insert(Math.Min(bytes.Count, 40 + random.Next(200)), 0xFF);
                    Files[folder + "/SOUL.md"] = bytes.ToArray();
                    break;
                case 14 when folder is not null:
                    // metadata.slug names another occupation: two folders claim one slug.
                    Metadata(folder, m => ReplaceLine(m, "slug: ", $"slug: '{slug}'"));
                    break;
                case 13 when folder is not null:
                    Body(folder, b => b.Replace("## Workflow\n\n", random.Next(2) == 0 ? "## Workflow\n\n<!-- soul-lint-disable-next-line banned-phrase -->\n" : "## Workflow\n\n<!-- soul-lint-disable-next-line thin-section -->\n", StringComparison.Ordinal));
                    break;
            }
        }

        public void AddRelated(string folder, string slug, string type) =>
            Rewrite(folder + "/metadata.yaml", m => m.Contains("related: []", StringComparison.Ordinal)
                ? m.Replace("related: []", $"related:\n  - {{ slug: '{slug}', type: '{type}' }}", StringComparison.Ordinal)
                : m.Replace("related:\n", $"related:\n  - {{ slug: '{slug}', type: '{type}' }}\n", StringComparison.Ordinal));

        public void Rename(string folder, string renamed)
        {
            foreach (var path in Files.Keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal)).ToList())
            {
                Files[renamed + path[folder.Length..]] = Files[path];
                Files.Remove(path);
            }
        }

        /// <summary>A file, or a folder and everything in it.</summary>
        public void Remove(string path)
        {
            foreach (var file in Files.Keys.Where(k => k == path || k.StartsWith(path + "/", StringComparison.Ordinal)).ToList())
            {
                Files.Remove(file);
            }
        }

        /// <summary>A change that must change the file.</summary>
        public void Rewrite(string path, Func<string, string> change)
        {
            var changed = change(Text(path));
            Assert.NotEqual(Text(path), changed);
            Files[path] = Encoding.UTF8.GetBytes(changed);
        }

        private void Change(string path, Func<string, string> change)
        {
            if (Files.ContainsKey(path))
            {
                Files[path] = Encoding.UTF8.GetBytes(change(Text(path)));
            }
        }

        private static string ReplaceLine(string text, string prefix, string line) =>
            string.Join("\n", text.Split('\n').Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? line : l));

        private void Metadata(string folder, Func<string, string> change) => Change(folder + "/metadata.yaml", change);

        private void Body(string folder, Func<string, string> change) => Change(folder + "/SOUL.md", change);

    }
}
