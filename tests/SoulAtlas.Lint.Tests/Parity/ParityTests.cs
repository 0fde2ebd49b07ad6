using System;
using System.Globalization;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Tests.Parity;
using SoulAtlas.Lint.Text;
using Xunit;
using Xunit.Abstractions;

namespace SoulAtlas.Lint.Tests;

/// <summary>A fact that needs node, npm, git and the site generator beside the checkout; skipped with the reason otherwise.</summary>
public sealed class SiteOracleFactAttribute : FactAttribute
{
    public SiteOracleFactAttribute()
    {
        if (SiteOracle.Unavailable() is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>
/// soul-lint against the site's own generator and validator on seeded edits of real souls
/// (docs/parity.md). Bounded for CI: one batch of 80 souls by default. SOUL_LINT_PARITY_SEEDS
/// (batches), SOUL_LINT_PARITY_SOULS (souls per batch) and SOUL_LINT_PARITY_SEED (first seed)
/// make the long run.
/// </summary>
public sealed class ParityTests
{
    private readonly ITestOutputHelper _output;

    public ParityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SiteOracleFact]
    public void Computed_metadata_and_rules_agree_with_the_site_generator_on_edited_souls()
    {
        var batches = Setting("SOUL_LINT_PARITY_SEEDS", 1);
        var souls = Setting("SOUL_LINT_PARITY_SOULS", 80);
        var first = Setting("SOUL_LINT_PARITY_SEED", 13);
        var total = new ParityReport();
        for (var seed = first; seed < first + batches; seed++)
        {
            var report = ParityRun.Batch(seed, souls);
            _output.WriteLine($"seed {seed}: {report.Summary()}");
            total.Add(report);
        }

        var details = total.Details();
        _output.WriteLine(details);
        if (Environment.GetEnvironmentVariable("SOUL_LINT_PARITY_REPORT") is { Length: > 0 } file)
        {
            File.WriteAllText(file, total.Details(int.MaxValue));
        }

        Assert.True(total.Mismatches.Count == 0 && total.FalseErrors.Count == 0 && total.Missed.Count == 0, details);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>The character-level pieces of section ids against node itself: github-slugger's classes and JavaScript's lower-casing, for every code point.</summary>
public sealed class CharacterOracleTests
{
    private const string Script = @"
import GithubSlugger, { slug } from 'github-slugger';
const kept = [], lower = [];
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue;
  const s = String.fromCodePoint(cp);
  if (slug(s, true) === s) kept.push(cp);
  const l = s.toLowerCase();
  if (l !== s) lower.push(cp.toString(16) + ':' + [...l].map(c => c.codePointAt(0).toString(16)).join(','));
}
console.log(JSON.stringify({ kept, lower }));
";

    [SiteOracleFact]
    public void Every_code_point_is_slugged_and_lower_cased_as_node_does()
    {
        var folder = SiteOracle.PackagesFolder();
        var script = Path.Combine(folder, "characters.mjs");
        File.WriteAllText(script, Script);
        var (code, output) = SiteOracle.Run("node", new[] { script }, folder, TimeSpan.FromMinutes(2));
        Assert.Equal(0, code);
        var json = Newtonsoft.Json.Linq.JObject.Parse(output);
        var kept = new System.Collections.Generic.HashSet<int>(json["kept"]!.Select(t => (int)t));
        var lower = json["lower"]!.Select(t => ((string)t!).Split(':')).ToDictionary(
            p => Convert.ToInt32(p[0], 16),
            p => string.Concat(p[1].Split(',').Select(h => char.ConvertFromUtf32(Convert.ToInt32(h, 16)))));
        var wrong = new System.Collections.Generic.List<string>();
        for (var cp = 0; cp <= 0x10FFFF && wrong.Count < 20; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var s = char.ConvertFromUtf32(cp);
            var expectedLower = lower.TryGetValue(cp, out var l) ? l : s;
            if (JsString.ToLower(s) != expectedLower)
            {
                wrong.Add($"U+{cp:X4} lower-cases to {expectedLower} in node, {JsString.ToLower(s)} here");
            }

            // github-slugger's kept classes, on a character that is already lower case.
            if (expectedLower == s && (HeadingSlugger.SlugOfRaw(s) == s) != kept.Contains(cp) && cp != ' ')
            {
                wrong.Add($"U+{cp:X4} is {(kept.Contains(cp) ? "kept" : "removed")} by github-slugger, not here");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
