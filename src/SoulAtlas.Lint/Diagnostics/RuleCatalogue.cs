using System;
using System.Collections.Generic;
using System.Linq;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>
/// The single list of rules. The CLI's <c>rules</c> and <c>explain</c>, the output
/// formatters and the tests all read it; IDs are never reused.
/// </summary>
public static class RuleCatalogue
{
    public static readonly RuleDescriptor InvalidJson = new(
        "SOUL001", "invalid-json", Severity.Error, RuleScope.Records, false,
        "File is not well-formed JSON.",
        "A record that does not parse cannot be published. The diagnostic points at the first character the JSON reader could not accept.");

    public static readonly RuleDescriptor InvalidYaml = new(
        "SOUL002", "invalid-yaml", Severity.Error, RuleScope.Sources, false,
        "metadata.yaml is not well-formed YAML.",
        "The metadata cannot be read, so nothing in it can be checked. The diagnostic points where the YAML parser stopped, or at the bracket or quote that was never closed. metadata.yaml holds exactly one document.");

    public static readonly RuleDescriptor InvalidEncoding = new(
        "SOUL003", "invalid-encoding", Severity.Error, RuleScope.All, true,
        "File is not valid UTF-8 (a byte-order mark is a warning).",
        "Occupation files are UTF-8 without a byte-order mark. Invalid byte sequences are errors, located at the first bad byte; a BOM is reported as a warning because some tools read it as part of the first key; --fix removes it from SOUL.md and metadata.yaml.");

    public static readonly RuleDescriptor DuplicateKey = new(
        "SOUL004", "duplicate-key", Severity.Error, RuleScope.All, false,
        "An object or mapping repeats a key.",
        "When a key appears twice, parsers silently keep one of the values and the other is lost. Remove or rename the repeated key; the message names where the key was first defined.");

    public static readonly RuleDescriptor MissingFile = new(
        "SOUL005", "missing-file", Severity.Error, RuleScope.Sources, false,
        "A SOUL folder has SOUL.md without metadata.yaml, or the reverse.",
        "An authored SOUL is two files: SOUL.md (the portrait) and metadata.yaml (the facts). The site cannot build one without the other; add the missing file (schema/metadata.template.yaml and SOUL.template.md are starting points).");

    public static readonly RuleDescriptor ResourceLimit = new(
        "SOUL006", "resource-limit", Severity.Error, RuleScope.All, false,
        "File exceeds the size, nesting-depth or alias-expansion limit, or its checks exceed the time budget.",
        "Files larger than the size limit or nested deeper than the depth limit are not parsed, and a file whose checks outlast the per-file time budget has the remaining checks skipped, so a corrupt or hostile file cannot exhaust memory, stack or time. The limits are configurable up to hard ceilings.");

    public static readonly RuleDescriptor UnusedSuppression = new(
        "SOUL007", "unused-suppression", Severity.Warning, RuleScope.Sources, false,
        "An inline soul-lint-disable comment suppresses nothing, or names no rule.",
        "Suppression comments (<!-- soul-lint-disable-next-line thin-section --> in SOUL.md, # soul-lint-disable-line related-exists in metadata.yaml) outlive the problems they hid. One that suppresses nothing should be removed, so it cannot hide a new problem later.");

    public static readonly RuleDescriptor Schema = new(
        "SOUL100", "schema", Severity.Error, RuleScope.All, true,
        "Violates the metadata or occupation schema; one diagnostic per violation, at the value.",
        "Records are validated against schemas/occupation.schema.json and metadata against schemas/metadata.schema.json (JSON Schema draft-07). Each violation is reported at the offending value, or at the object's key when a required property is missing. An unquoted date in metadata.yaml, which the site's YAML reader takes for a timestamp, is fixable: --fix quotes it.");

    public static readonly RuleDescriptor SlugMatchesPath = new(
        "SOUL200", "slug-matches-path", Severity.Error, RuleScope.All, true,
        "The slug differs from the file name (records) or folder name (sources).",
        "The slug is the occupation's address: /api/souls/<slug>.json and souls/<slug>/. A record's slug, its metadata.slug and its file name must agree. In a source folder --fix sets metadata.slug to the folder name, keeping its quotes.");

    public static readonly RuleDescriptor TitleMatches = new(
        "SOUL201", "title-matches", Severity.Warning, RuleScope.All, false,
        "The record title or SOUL.md H1 differs from metadata.title, or SOUL.md has no H1.",
        "The page title and the card title come from different fields; when they differ, readers see two names for one occupation. Which one is right is the author's call: the report offers each side as a suggestion.");

    public static readonly RuleDescriptor DuplicateSlug = new(
        "SOUL202", "duplicate-slug", Severity.Error, RuleScope.All, false,
        "Two documents claim one slug.",
        "Two files that claim the same slug overwrite each other when the site is built. Rename one of them.");

    public static readonly RuleDescriptor DuplicateTitle = new(
        "SOUL203", "duplicate-title", Severity.Warning, RuleScope.All, false,
        "Two occupations share a title, or a title equals another occupation's alias (case-insensitive).",
        "Search and disambiguation break when two occupations answer to one name. Give one of them a more specific title or drop the clashing alias.");

    public static readonly RuleDescriptor RecordSource = new(
        "SOUL204", "record-source", Severity.Error, RuleScope.Records, false,
        "A record disagrees with the source folder of the same occupation.",
        "When a corpus holds both a published record and the souls/<slug>/ folder it is built from, the folder is what contributors edit. A record whose title, metadata or sections differ from its source is stale: rebuild it.");

    public static readonly RuleDescriptor RelatedExists = new(
        "SOUL300", "related-exists", Severity.Error, RuleScope.All, false,
        "A related[].slug names no occupation in the corpus (broken link).",
        "Every related entry becomes a link on the published page and an edge in the knowledge graph. A slug that names no occupation in the corpus is a broken link; the message names the closest existing slug, and the report offers it as a suggestion an editor can apply (--fix does not).");

    public static readonly RuleDescriptor RelatedSelf = new(
        "SOUL301", "related-self", Severity.Error, RuleScope.All, true,
        "An occupation relates to itself.",
        "A related entry that names the occupation's own slug is a self-loop in the graph and a link to the page the reader is already on. In metadata.yaml --fix removes the entry.");

    public static readonly RuleDescriptor RelatedDuplicate = new(
        "SOUL302", "related-duplicate", Severity.Warning, RuleScope.All, true,
        "The same slug is listed twice in related.",
        "Listing one occupation twice shows two identical links; keep one entry and pick the most specific relationship type. In metadata.yaml --fix removes a later entry that adds nothing to the first; one that says something else (another type, a note) is offered for removal as a suggestion.");

    public static readonly RuleDescriptor Backlinks = new(
        "SOUL303", "backlinks", Severity.Error, RuleScope.Records, true,
        "Stored computed.backlinks differ from the backlinks recomputed from the corpus.",
        "computed.backlinks lists every other occupation whose metadata.related names this one, sorted ordinally. A slug listed there that does not link here, or a linking occupation that is missing, means the record is stale.");

    public static readonly RuleDescriptor MarkdownLink = new(
        "SOUL304", "markdown-link", Severity.Error, RuleScope.All, false,
        "A body link to an occupation (/souls/slug, /occupations/slug, ../slug/SOUL.md) or to a #anchor resolves to nothing.",
        "Links between SOULs are written as /souls/<slug> (or the older /occupations/<slug>, or ../<slug>/SOUL.md between source folders), optionally with a #section anchor; a bare #anchor points into the same SOUL, and absolute links to the site are read the same way. Each must name an occupation of the corpus and, with an anchor, one of its section or heading ids. The message suggests the nearest slug or anchor, and the report offers it as a suggestion an editor can apply (--fix does not). A published record whose source folder is in the corpus is checked through the folder.");

    public static readonly RuleDescriptor Orphan = new(
        "SOUL305", "orphan", Severity.Off, RuleScope.All, false,
        "An occupation with no related links in or out.",
        "An occupation that relates to nothing and that nothing relates to cannot be reached through the graph. Off by default; enable it to find islands.");

    public static readonly RuleDescriptor RequiredSection = new(
        "SOUL400", "required-section", Severity.Error, RuleScope.All, false,
        "A required section is missing (not checked for federated occupations).",
        "sections.json marks the sections every SOUL must have. A missing one lowers completeness and leaves a hole in the portrait.");

    public static readonly RuleDescriptor SectionOrder = new(
        "SOUL401", "section-order", Severity.Warning, RuleScope.All, true,
        "Canonical sections appear out of canonical order.",
        "Readers navigate SOULs by their fixed order. The message names the section that is out of place and the one it should precede. In SOUL.md --fix moves the sections into canonical order, each section's text unchanged.");

    public static readonly RuleDescriptor UnknownSection = new(
        "SOUL402", "unknown-section", Severity.Warning, RuleScope.All, false,
        "A heading is not in the section list (not checked for federated occupations).",
        "A heading that sections.json does not know is usually a typo of a canonical one (the message suggests it), or material that belongs in an existing section.");

    public static readonly RuleDescriptor DuplicateSection = new(
        "SOUL403", "duplicate-section", Severity.Error, RuleScope.All, false,
        "A heading appears twice.",
        "Two sections with one heading produce two identical anchors and split one topic in two. Merge them.");

    public static readonly RuleDescriptor ThinSection = new(
        "SOUL404", "thin-section", Severity.Warning, RuleScope.All, false,
        "A section has fewer words than its minWords.",
        "sections.json sets a minimum substance for each section; a required section below it does not count towards completeness.");

    public static readonly RuleDescriptor SectionId = new(
        "SOUL405", "section-id", Severity.Error, RuleScope.Records, true,
        "A section id is not the GitHub heading slug of its heading.",
        "Section ids are the anchors of the published page (#mental-models). They are derived from the heading: inline markup removed, lower-cased, punctuation dropped, spaces turned into hyphens.");

    public static readonly RuleDescriptor SectionHtml = new(
        "SOUL406", "section-html", Severity.Warning, RuleScope.Records, false,
        "A section's stored html does not render its markdown.",
        "The site shows each section's stored html, built from its markdown by the marked library with the ## heading first. The markdown is rendered again (Markdig, GFM tables, strikethrough and autolinks) and both sides are compared as a reader sees them: block structure, heading ids, link and image targets, and the sequence of words. Entity spelling, whitespace, attribute order and inline markup are not differences. A difference means the html is stale or was edited by hand: rebuild the record. The message names the first differing element and shows both sides.");

    public static readonly RuleDescriptor RenderHazard = new(
        "SOUL407", "render-hazard", Severity.Warning, RuleScope.All, true,
        "Markdown that the site's renderer turns into something the author did not mean.",
        "The site renders GFM with the marked library, which strikes through the text between two single tildes: \"~20–40°C … (~40–55°C)\" is published with the range crossed out. Write \\~ (or \"about\") for approximately. Emphasis delimiters that do not pair up (**bold*, a stray ** or __) show up as literal asterisks or underscores around half-emphasised text; balance them or escape the literal ones with a backslash. Code spans and fences are not checked. In SOUL.md --fix writes both tildes of a pair as \\~.");

    public static readonly RuleDescriptor WordCount = new(
        "SOUL500", "word-count", Severity.Error, RuleScope.Records, true,
        "A section or total word count is stale.",
        "Word counts are recomputed from the section markdown: code, HTML tags and the characters # > * _ - | become spaces, then runs of ASCII letters and digits (with ' and ’) are counted. A stored count that differs means the record was not rebuilt after an edit.");

    public static readonly RuleDescriptor ReadingTime = new(
        "SOUL501", "reading-time", Severity.Error, RuleScope.Records, true,
        "computed.readingTimeMinutes is stale.",
        "Reading time is max(1, round(wordCount / 225)) with halves rounded up.");

    public static readonly RuleDescriptor Completeness = new(
        "SOUL502", "completeness", Severity.Error, RuleScope.Records, true,
        "computed.completeness is stale.",
        "Completeness is the share of required sections present with at least their minWords, rounded to three decimals (exactly 1 for federated occupations).");

    public static readonly RuleDescriptor TrustFlags = new(
        "SOUL503", "trust-flags", Severity.Error, RuleScope.Records, true,
        "computed.verified, aiDrafted, unverifiedAiDraft or federated is stale.",
        "Trust flags tell readers how far to trust a SOUL: verified means reviewers or a review date are recorded, aiDrafted means provenance is ai-generated or ai-assisted, unverifiedAiDraft is both the latter and not verified, federated means metadata.source.origin is set.");

    public static readonly RuleDescriptor DateOrder = new(
        "SOUL600", "date-order", Severity.Error, RuleScope.All, false,
        "created is after updated, a review predates creation, or a date lies in the future.",
        "Dates are ISO YYYY-MM-DD. A SOUL cannot be updated before it was created, reviewed before it existed, or dated after today (use --today to pin the date in CI).");

    public static readonly RuleDescriptor StableIncomplete = new(
        "SOUL601", "stable-incomplete", Severity.Warning, RuleScope.All, false,
        "status is stable while completeness is below 1.",
        "A stable SOUL promises every required section with enough substance. Complete the thin or missing sections or lower the status.");

    public static readonly RuleDescriptor StableUnverified = new(
        "SOUL602", "stable-unverified", Severity.Warning, RuleScope.All, false,
        "status is stable or review on an unverified AI draft.",
        "An AI-drafted SOUL that no person has reviewed should stay a draft until a reviewer or review date is recorded.");

    public static readonly RuleDescriptor ReviewEvidence = new(
        "SOUL603", "review-evidence", Severity.Warning, RuleScope.All, false,
        "last_reviewed is set with no reviewers, or a reviewer has no date and last_reviewed is not set.",
        "A review claim needs both who and when: name the reviewers when last_reviewed is set, and date a review when there is no last_reviewed.");

    public static readonly RuleDescriptor Citation = new(
        "SOUL604", "citation", Severity.Warning, RuleScope.Records, true,
        "The citation disagrees with the title, authors, year or URL.",
        "Citations are derived: authors are the contributors and git authors (or SOUL Atlas), the year is that of the latest version date, and the URL is <siteUrl>/souls/<slug>. A citation that disagrees is cited wrongly by every reader who copies it.");

    public static readonly RuleDescriptor GitConsistency = new(
        "SOUL605", "git-consistency", Severity.Warning, RuleScope.Records, false,
        "git.revisions differs from the authors' commits, git.created is after git.updated, or the timeline is out of order.",
        "The git block is produced at build time from history; internal contradictions mean it was edited by hand or assembled from different builds.");

    public static readonly RuleDescriptor UnsafeHtml = new(
        "SOUL700", "unsafe-html", Severity.Error, RuleScope.All, false,
        "Script-capable HTML or URLs in the markdown or the stored html.",
        "The site publishes section html as is and accepts anonymous suggestions, so a body must not carry anything that runs script in a reader's browser: <script>, <iframe>, <object>, <embed>, <base>, <form>, <meta http-equiv=refresh>, on… event handlers, srcdoc, <style> with expression() or javascript: URLs, and javascript:, vbscript: or data:text/html URLs in attributes, markdown links, images, autolinks and reference definitions. HTML is parsed as a browser parses it, and entities, letter case and whitespace or control characters inside a scheme are undone before the scheme is judged. Harmless HTML such as <details>, <summary>, <kbd>, <br> and <sup> is fine; write code in backticks to show it rather than run it.");

    public static readonly RuleDescriptor BannedPhrase = new(
        "SOUL701", "banned-phrase", Severity.Warning, RuleScope.All, false,
        "A phrase from the style guide's banned list.",
        "The style guide bans stock phrases that make a SOUL read like generated filler (delve, tapestry, navigate the complexities, in conclusion, testament to, realm, game-changer, …). Matching is whole-word and case-insensitive, spans line breaks between the words of a phrase, and skips code spans and fences. Say the concrete thing instead. The list is configurable (bannedPhrases).");

    public static readonly RuleDescriptor SpecializationCycle = new(
        "SOUL306", "specialization-cycle", Severity.Error, RuleScope.All, false,
        "Specializations lead in a circle: a role is listed as narrower than itself.",
        "A specialization is a narrower variant of the role that lists it. When A lists B as a specialization and B lists A (or the chain A → B → … comes back to A), each role would be narrower than the other, and the knowledge graph draws a loop where the site shows a hierarchy. Every entry that lies on such a cycle is reported once, naming the shortest cycle through it; keep the specialization on the wider role and give the reverse entry another type (related or progression).");

    public static readonly RuleDescriptor PrerequisiteCycle = new(
        "SOUL307", "prerequisite-cycle", Severity.Error, RuleScope.All, false,
        "Prerequisites lead in a circle: a role must be mastered before itself.",
        "A prerequisite is knowledge or a role typically mastered before the one that lists it. When A needs B, B needs C and C needs A, nothing in the chain can be mastered first. Every entry that lies on such a cycle is reported once, naming the shortest cycle through it; keep the prerequisite on the role that builds on the other and give the reverse entry another type (progression, related).");

    public static readonly RuleDescriptor ContradictoryRelation = new(
        "SOUL308", "contradictory-relation", Severity.Warning, RuleScope.All, false,
        "Two occupations type their link to each other in ways that cannot both be true.",
        "Each side of a pair types its own entry for the other. Some pairs of types contradict each other: one role cannot be a narrower variant nested inside another (specialization) and, from the other side, a neighbour that sits beside it (adjacent). Both entries are reported, each naming the other soul's entry. The table of contradictions is on the rule's page; mutual specializations and mutual prerequisites are cycles and reported by specialization-cycle and prerequisite-cycle.");

    public static readonly RuleDescriptor OneSidedRelation = new(
        "SOUL309", "one-sided-relation", Severity.Off, RuleScope.All, false,
        "An occupation relates to another that does not mention it at all.",
        "A hint for editors, not a defect: when A lists B and B's related names no entry for A, readers of B's page never find A. The message suggests the inverse type (the same type for related, adjacent, collaboration and progression; progression or related for the role a specialization or prerequisite points from). Off by default; turn it on as info to find one-way links.");

    private static readonly RuleDescriptor[] AllRules = typeof(RuleCatalogue)
        .GetFields()
        .Where(f => f.FieldType == typeof(RuleDescriptor))
        .Select(f => (RuleDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every rule, ordered by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> All => AllRules;

    /// <summary>Finds a rule by its ID (<c>SOUL300</c>) or name (<c>related-exists</c>), case-insensitively.</summary>
    public static RuleDescriptor? Find(string idOrName)
    {
        foreach (var rule in AllRules)
        {
            if (string.Equals(rule.Id, idOrName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(rule.Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }
}
