using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// Links between SOULs inside section bodies: <c>/souls/&lt;slug&gt;</c>, <c>/occupations/&lt;slug&gt;</c>,
/// <c>../&lt;slug&gt;/SOUL.md</c> and absolute links to the site, each with an optional
/// <c>#anchor</c>, and bare <c>#anchor</c>s into the same SOUL, must land on an occupation and one of
/// its section or heading ids.
/// </summary>
public sealed class MarkdownLinkRule : Rule
{
    private const string DefaultSite = "https://soul-atlas.github.io";

    public override RuleDescriptor Descriptor => RuleCatalogue.MarkdownLink;

    public override void Check(RuleContext context)
    {
        HashSet<string>? ownAnchors = null;
        foreach (var section in BodySections.Editable(context.Document))
        {
            if (context.OutOfTime)
            {
                return;
            }

            var markdown = section.Markdown;
            if (markdown.IndexOf("](", StringComparison.Ordinal) < 0 && markdown.IndexOf("]:", StringComparison.Ordinal) < 0
                && markdown.IndexOf("/souls/", StringComparison.Ordinal) < 0 && markdown.IndexOf("/occupations/", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            if (BodySections.SyntaxOf(context, section) is not { } syntax)
            {
                continue;
            }

            foreach (var node in syntax.Descendants())
            {
                var (url, span) = node switch
                {
                    LinkInline { IsImage: false, Reference: null } link => (link.Url, link.UrlSpan.IsEmpty ? link.Span : link.UrlSpan),
                    AutolinkInline autolink => (autolink.Url, autolink.Span),
                    LinkReferenceDefinition definition => (definition.Url, definition.UrlSpan),
                    _ => (null, default),
                };

                if (url is null || !TryReadTarget(url.Trim(), context.Settings.SiteUrl, out var slug, out var anchor))
                {
                    continue;
                }

                var problem = slug is null
                    ? CheckAnchor(context, anchor, ownAnchors ??= PageAnchors.Of(context.Document), "this SOUL")
                    : CheckTarget(context, slug, anchor);
                if (problem is not null)
                {
                    context.Report(section.RangeOf(span.Start, span.End + 1), $"link {Quote.Q(url)}: {problem}");
                }
            }
        }
    }

    /// <summary>
    /// Reads a link that points inside the atlas. <paramref name="slug"/> is null for a bare
    /// <c>#anchor</c>; <paramref name="anchor"/> is empty when there is none. False for any other link.
    /// </summary>
    internal static bool TryReadTarget(string url, string siteUrl, out string? slug, out string anchor)
    {
        slug = null;
        anchor = string.Empty;
        var stripped = StripSite(url, siteUrl) ?? StripSite(url, DefaultSite);
        var path = stripped ?? url;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            anchor = Uri.UnescapeDataString(path.Substring(hash + 1));
            path = path.Substring(0, hash);
        }

        if (path.Length == 0)
        {
            return hash >= 0 && stripped is null;
        }

        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path.Substring(0, query);
        }

        string rest;
        if (path.StartsWith("/souls/", StringComparison.Ordinal))
        {
            rest = path.Substring("/souls/".Length).TrimEnd('/');
        }
        else if (path.StartsWith("/occupations/", StringComparison.Ordinal))
        {
            rest = path.Substring("/occupations/".Length).TrimEnd('/');
        }
        else if (path.StartsWith("../", StringComparison.Ordinal) && path.EndsWith("/SOUL.md", StringComparison.Ordinal))
        {
            rest = path.Substring(3, path.Length - 3 - "/SOUL.md".Length);
        }
        else
        {
            return false;
        }

        if (rest.IndexOf('/') >= 0)
        {
            return false;
        }

        slug = Uri.UnescapeDataString(rest);
        return true;
    }

    /// <summary>The path of an absolute link to the site (<c>/souls/x#y</c>), or null when the link goes elsewhere.</summary>
    private static string? StripSite(string url, string siteUrl)
    {
        var site = siteUrl.TrimEnd('/');
        var schemeless = site.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? site.Substring(8)
            : site.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? site.Substring(7)
            : site;
        foreach (var prefix in new[] { "https://" + schemeless, "http://" + schemeless })
        {
            if (url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (url.Length == prefix.Length || url[prefix.Length] is '/' or '#'))
            {
                return url.Substring(prefix.Length);
            }
        }

        return null;
    }

    private static string? CheckTarget(RuleContext context, string slug, string anchor)
    {
        var corpus = context.Corpus;
        if (!corpus.Contains(slug))
        {
            var suggestion = context.MaySuggest() ? corpus.Suggest(slug) : null;
            var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q(suggestion)}?)";
            return $"{Quote.Q(slug)} names no occupation in the corpus{hint}";
        }

        return CheckAnchor(context, anchor, corpus.AnchorsOf(slug), Quote.Q(slug));
    }

    private static string? CheckAnchor(RuleContext context, string anchor, ISet<string> anchors, string page)
    {
        if (anchor.Length == 0 || anchors.Contains(anchor))
        {
            return null;
        }

        var suggestion = context.MaySuggest() ? EditDistance.Nearest(anchor, anchors, Math.Max(2, anchor.Length / 4)) : null;
        var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q("#" + suggestion)}?)";
        return $"{Quote.Q("#" + anchor)} names no section or heading of {page}{hint}";
    }
}
