using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using SoulAtlas.Lint.Configuration;
using SoulAtlas.Lint.Corpus;

namespace SoulAtlas.Lint.Engine;

/// <summary>The parts of the result cache's keys that do not depend on one occupation.</summary>
internal static class CacheKeys
{
    /// <summary>Raised whenever what the cache stores, or how a key is made, changes.</summary>
    public const int FormatVersion = 6;

    private static readonly Lazy<string?> Identity = new(ReadIdentity);

    /// <summary>
    /// The engine build: its version and the module version ids (which a compiler changes with any
    /// change of code) of the engine and of every library that shapes a result — the parsers, the
    /// schema validator, the runtime. Null where the runtime cannot tell (the cache is then off).
    /// </summary>
    public static string? EngineIdentity => Identity.Value;

    /// <summary>
    /// What every result of a run depends on besides the documents: the engine build and each setting
    /// that can change a diagnostic. Left out, and why: <see cref="LintSettings.Today"/> (a check asks
    /// about it through <c>RuleContext.AfterToday</c>, and the answer is a dependency of its own);
    /// the globs (they choose the documents a host hands in, which are keyed themselves);
    /// <see cref="LintSettings.CollectComputed"/> (such runs do not use the cache);
    /// <see cref="LintSettings.MaxDegreeOfParallelism"/> (no result depends on it).
    /// </summary>
    public static CacheDigest RunKey(LintSettings settings, string? baseDirectory, string contractIdentity, string engineIdentity)
    {
        var key = new DigestBuilder();
        key.Add(FormatVersion).Add(engineIdentity).Add(contractIdentity).Add(baseDirectory);
        key.Add(settings.SiteUrl).Add(settings.RunDisabledRules);
        key.Add(settings.Limits.MaxFileBytes).Add(settings.Limits.MaxDepth).Add(settings.Limits.MaxYamlNodes).Add(settings.Limits.MaxCheckMilliseconds);
        key.Add(settings.Severities.Count);
        foreach (var pair in settings.Severities.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Add(pair.Key).Add((long)pair.Value);
        }

        key.Add(settings.BannedPhrases.Count);
        foreach (var phrase in settings.BannedPhrases)
        {
            key.Add(phrase);
        }

        return key.Finish();
    }

    /// <summary>
    /// What the answers to a run's questions depend on besides the units' bytes and the run key: the
    /// day <see cref="LintSettings.Today"/> names, as <c>RuleContext.AfterToday</c> compares with it.
    /// Results confirmed on one day are not taken as confirmed on the next without asking again.
    /// </summary>
    public static CacheDigest SettledKey(LintSettings settings) =>
        new DigestBuilder().Add(FormatVersion).Add(settings.Today?.Date.Ticks ?? -1L).Finish();

    /// <summary>Every field of index entries, in order.</summary>
    public static void AddEntries(DigestBuilder digest, IReadOnlyList<CorpusEntry> entries)
    {
        digest.Add(entries.Count);
        foreach (var entry in entries)
        {
            digest.Add((long)entry.Form).Add(entry.FullPath).Add(entry.DisplayPath).Add(entry.Slug).Add(entry.ClaimedSlug).Add(entry.Title);
            AddStrings(digest, entry.Aliases);
            AddStrings(digest, entry.Related);
            digest.Add(entry.Relations.Count);
            foreach (var relation in entry.Relations)
            {
                digest.Add(relation.Slug).Add(relation.Type);
            }
        }
    }

    public static void AddStrings(DigestBuilder digest, IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            digest.Add(-1L);
            return;
        }

        digest.Add(values.Count);
        foreach (var value in values)
        {
            digest.Add(value);
        }
    }

    private static string? ReadIdentity()
    {
        try
        {
            var engine = typeof(CacheKeys).Assembly;
            var parts = new List<string>
            {
                engine.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty,
            };
            foreach (var assembly in new[]
            {
                engine,
                typeof(Newtonsoft.Json.Linq.JToken).Assembly,
                typeof(NJsonSchema.JsonSchema).Assembly,
                typeof(Markdig.Markdown).Assembly,
                typeof(YamlDotNet.Core.Parser).Assembly,
                typeof(AngleSharp.Html.Parser.HtmlParser).Assembly,
                typeof(System.Text.Json.Utf8JsonReader).Assembly,
                typeof(object).Assembly,
            })
            {
                var mvid = assembly.ManifestModule.ModuleVersionId;
                if (mvid == Guid.Empty)
                {
                    return null;
                }

                parts.Add(assembly.GetName().Name + "/" + mvid.ToString("N"));
            }

            return string.Join(";", parts);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
