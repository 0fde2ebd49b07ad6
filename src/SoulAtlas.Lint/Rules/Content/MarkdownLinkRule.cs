using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SoulAtlas.Lint.Computation;
using SoulAtlas.Lint.Corpus;
using SoulAtlas.Lint.Documents;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Text;

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

                var (problem, wrong, better, isAnchor) = slug is null
                    ? CheckAnchor(context, anchor, ownAnchors ??= PageAnchors.Of(context.Document), "this SOUL")
                    : CheckTarget(context, slug, anchor);
                if (problem is null)
                {
                    continue;
                }

                var range = section.RangeOf(span.Start, span.End + 1);
                var message = $"link {Quote.Q(url)}: {problem}";
                if (wrong is not null && better is not null && Replace(section, span.Start, span.End + 1, url.Trim(), wrong, isAnchor, better) is { } edit)
                {
                    var (shownWrong, shownBetter) = isAnchor ? ("#" + wrong, "#" + better) : (wrong, better);
                    context.Report(range, message, new[] { new Suggestion($"Replace {Quote.Q(shownWrong)} with {Quote.Q(shownBetter)}", new[] { edit }) });
                }
                else
                {
                    context.Report(range, message);
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

    /// <summary>What is wrong with a link to another SOUL: the problem, the part at fault (the slug or the anchor) and the nearest right one.</summary>
    private static (string? Problem, string? Wrong, string? Better, bool IsAnchor) CheckTarget(RuleContext context, string slug, string anchor)
    {
        var corpus = context.Corpus;
        if (!corpus.Contains(slug))
        {
            var suggestion = context.MaySuggest() ? corpus.Suggest(slug) : null;
            var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q(suggestion)}?)";
            return ($"{Quote.Q(slug)} names no occupation in the corpus{hint}", slug, suggestion, false);
        }

        return CheckAnchor(context, anchor, corpus.AnchorsOf(slug), Quote.Q(slug));
    }

    private static (string? Problem, string? Wrong, string? Better, bool IsAnchor) CheckAnchor(RuleContext context, string anchor, ISet<string> anchors, string page)
    {
        if (anchor.Length == 0 || anchors.Contains(anchor))
        {
            return (null, null, null, true);
        }

        var suggestion = context.MaySuggest() ? EditDistance.Nearest(anchor, anchors, Math.Max(2, anchor.Length / 4)) : null;
        var hint = suggestion is null ? string.Empty : $" (did you mean {Quote.Q("#" + suggestion)}?)";
        return ($"{Quote.Q("#" + anchor)} names no section or heading of {page}{hint}", anchor, suggestion, true);
    }

    /// <summary>
    /// The edit that writes <paramref name="better"/> in place of the slug (or, with
    /// <paramref name="isAnchor"/>, the anchor) in a link whose destination is [start, end) of the
    /// section's markdown. Null unless the part stands in the file exactly as it was read (not
    /// percent-encoded or escaped), so the edit changes that part and nothing else.
    /// </summary>
    private static TextEdit? Replace(Section section, int start, int end, string url, string wrong, bool isAnchor, string better)
    {
        var written = section.Markdown.Substring(start, end - start);
        var at = written.IndexOf(url, StringComparison.Ordinal);
        if (at < 0 || url.Length == 0)
        {
            return null;
        }

        int partStart;
        if (isAnchor)
        {
            partStart = url.IndexOf('#') + 1;
        }
        else
        {
            var path = url;
            var hash = path.IndexOf('#');
            path = hash >= 0 ? path.Substring(0, hash) : path;
            var query = path.IndexOf('?');
            path = query >= 0 ? path.Substring(0, query) : path;
            var partEnd = path.EndsWith("/SOUL.md", StringComparison.Ordinal) ? path.Length - "/SOUL.md".Length : path.TrimEnd('/').Length;
            partStart = partEnd - wrong.Length;
        }

        if (partStart <= 0 || partStart + wrong.Length > url.Length || string.CompareOrdinal(url, partStart, wrong, 0, wrong.Length) != 0)
        {
            return null;
        }

        var from = start + at + partStart;
        var range = section.RangeOf(from, from + wrong.Length);
        return range.End - range.Start == wrong.Length && string.CompareOrdinal(range.File.Text, range.Start, wrong, 0, wrong.Length) == 0
            ? new TextEdit(range, better)
            : null;
    }
}
