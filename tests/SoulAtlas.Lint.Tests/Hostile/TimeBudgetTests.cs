using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Disk;
using SoulAtlas.Lint.Engine;
using SoulAtlas.Lint.Loading;
using SoulAtlas.Lint.Tests;
using Xunit;

namespace SoulAtlas.Lint.Hostile;

/// <summary>
/// The per-file time budget of the rules (limits.maxCheckMilliseconds), on a host clock the test
/// controls: a file over it gets one resource-limit error naming what did not run, and no rule
/// runs past it.
/// </summary>
public sealed class TimeBudgetTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Fixtures, "rules", "unsafe-html", "invalid-source");

    private static LintResult RunWith(Func<TimeSpan>? clock, int budgetMilliseconds)
    {
        var settings = Tests.Lint.AllRules() with { Limits = new LoadLimits { MaxCheckMilliseconds = budgetMilliseconds }, MaxDegreeOfParallelism = 1 };
        using var corpus = DiskCorpus.Load(new[] { "." }, Folder, settings);
        return Tests.Lint.Engine.Lint(new LintRequest(corpus.Documents, settings) { Scope = corpus.Scope, BaseDirectory = Folder, Clock = clock });
    }

    [Fact]
    public void Within_the_budget_the_result_is_the_result_without_a_clock()
    {
        var without = RunWith(null, 1_000);
        var stopped = TimeSpan.FromSeconds(3);
        var within = RunWith(() => stopped, 1_000);
        Assert.Contains(without.Diagnostics, d => d.Rule == RuleCatalogue.UnsafeHtml);
        Assert.DoesNotContain(without.Diagnostics, d => d.Rule == RuleCatalogue.ResourceLimit);
        Assert.Equal(Tests.Lint.Describe(without.Diagnostics), Tests.Lint.Describe(within.Diagnostics));
    }

    [Fact]
    public void A_file_over_its_budget_reports_what_did_not_run_and_skips_it()
    {
        // Every look at the clock is a second later: the budget of 1.5 s is spent after the first rule.
        var ticks = 0L;
        var result = RunWith(() => TimeSpan.FromSeconds(ticks++), 1_500);

        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == RuleCatalogue.UnsafeHtml);
        var limits = result.Diagnostics.Where(d => d.Rule == RuleCatalogue.ResourceLimit).ToList();
        Assert.Equal(2, limits.Count);
        Assert.Equal(new[] { "bridge-keeper", "river-warden" }, limits.Select(d => d.Slug).ToArray());
        foreach (var limit in limits)
        {
            Assert.Equal(Severity.Error, limit.Severity);
            Assert.EndsWith("metadata.yaml", limit.File, StringComparison.Ordinal);
            Assert.StartsWith("checking this file took longer than its time budget of 1500 ms (limits.maxCheckMilliseconds)", limit.Message, StringComparison.Ordinal);
            Assert.Contains("unsafe-html", limit.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("duplicate-key", limit.Message.Substring(limit.Message.IndexOf("not run:", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rule_looping_over_sections_stops_when_the_budget_runs_out_during_it()
    {
        var settings = Tests.Lint.AllRules() with { Limits = new LoadLimits { MaxCheckMilliseconds = 1_000 }, MaxDegreeOfParallelism = 1 };
        using var corpus = DiskCorpus.Load(new[] { "souls/bridge-keeper" }, Folder, settings);
        var full = Tests.Lint.Engine.Lint(corpus.Request(settings));
        Assert.Contains(full.Diagnostics, d => d.Rule == RuleCatalogue.UnsafeHtml);

        // The clock stands still until unsafe-html asks it (before its first section), then jumps past the budget.
        var asked = 0;
        var clock = TimeSpan.Zero;
        var result = Tests.Lint.Engine.Lint(new LintRequest(corpus.Documents, settings)
        {
            Scope = corpus.Scope,
            BaseDirectory = Folder,
            Clock = () =>
            {
                if (Environment.StackTrace.Contains(nameof(Rules.Content.UnsafeHtmlRule), StringComparison.Ordinal) && ++asked == 1)
                {
                    clock += TimeSpan.FromSeconds(5);
                }

                return clock;
            },
        });

        Assert.Equal(1, asked);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == RuleCatalogue.UnsafeHtml);
        var limit = Assert.Single(result.Diagnostics, d => d.Rule == RuleCatalogue.ResourceLimit);
        Assert.EndsWith("; unsafe-html stopped early; not run: banned-phrase, specialization-cycle, prerequisite-cycle, contradictory-relation, one-sided-relation", limit.Message, StringComparison.Ordinal);

        // What ran before the budget ran out is reported as usual.
        Assert.Equal(
            Tests.Lint.Describe(full.Diagnostics.Where(d => Rules.RuleSet.DocumentRules.TakeWhile(r => r.Descriptor != RuleCatalogue.UnsafeHtml).Any(r => r.Descriptor == d.Rule) || Rules.RuleSet.LoaderRules.Contains(d.Rule))),
            Tests.Lint.Describe(result.Diagnostics.Where(d => d.Rule != RuleCatalogue.ResourceLimit)));
    }

    [Fact]
    public void The_config_sets_the_budget_up_to_its_ceiling()
    {
        var config = LintConfig.Parse("{\"limits\": {\"maxCheckMilliseconds\": 250}}", "/c/soul-lint.json", "soul-lint.json");
        Assert.Equal(250, LintConfig.ToSettings(config, null).Limits.MaxCheckMilliseconds);
        Assert.Equal(LoadLimits.CheckMillisecondsCeiling, new LoadLimits { MaxCheckMilliseconds = int.MaxValue }.MaxCheckMilliseconds);
        Assert.Equal(10_000, LoadLimits.Default.MaxCheckMilliseconds);
    }
}
