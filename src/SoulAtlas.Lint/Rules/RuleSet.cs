using System.Collections.Generic;
using SoulAtlas.Lint.Rules.Computed;
using SoulAtlas.Lint.Rules.Content;
using SoulAtlas.Lint.Rules.Editorial;
using SoulAtlas.Lint.Rules.Graph;
using SoulAtlas.Lint.Rules.Identity;
using SoulAtlas.Lint.Rules.Links;
using SoulAtlas.Lint.Rules.Sections;
using SoulAtlas.Lint.Rules.Structure;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules;

/// <summary>The rules that run over parsed documents. Reading problems (invalid-json, invalid-encoding, resource-limit) are reported by the loaders.</summary>
public static class RuleSet
{
    public static readonly IReadOnlyList<Rule> DocumentRules = new Rule[]
    {
        new DuplicateKeyRule(),
        new SchemaRule(),
        new SlugMatchesPathRule(),
        new TitleMatchesRule(),
        new DuplicateSlugRule(),
        new RecordSourceRule(),
        new DuplicateTitleRule(),
        new RelatedExistsRule(),
        new RelatedSelfRule(),
        new RelatedDuplicateRule(),
        new BacklinksRule(),
        new MarkdownLinkRule(),
        new OrphanRule(),
        new RequiredSectionRule(),
        new SectionOrderRule(),
        new UnknownSectionRule(),
        new DuplicateSectionRule(),
        new ThinSectionRule(),
        new SectionIdRule(),
        new SectionHtmlRule(),
        new RenderHazardRule(),
        new WordCountRule(),
        new ReadingTimeRule(),
        new CompletenessRule(),
        new TrustFlagsRule(),
        new DateOrderRule(),
        new StableIncompleteRule(),
        new StableUnverifiedRule(),
        new ReviewEvidenceRule(),
        new CitationRule(),
        new GitConsistencyRule(),
        new UnsafeHtmlRule(),
        new BannedPhraseRule(),
        new SpecializationCycleRule(),
        new PrerequisiteCycleRule(),
        new ContradictoryRelationRule(),
        new OneSidedRelationRule(),
    };

    /// <summary>Rules whose diagnostics come from reading a file (or its suppression comments) rather than from a check.</summary>
    public static readonly IReadOnlyList<RuleDescriptor> LoaderRules = new[]
    {
        RuleCatalogue.InvalidJson,
        RuleCatalogue.InvalidYaml,
        RuleCatalogue.InvalidEncoding,
        RuleCatalogue.MissingFile,
        RuleCatalogue.UnusedSuppression,
        RuleCatalogue.ResourceLimit,
    };
}
