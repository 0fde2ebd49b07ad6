using System;

namespace SoulAtlas.Lint.Rules.Content;

/// <summary>
/// The cheap check that settles almost every section: the site's html (from <c>marked</c>) and
/// Markdig's are identical up to how they spell an apostrophe (<c>&amp;#39;</c>) and a void element
/// (<c>&lt;br /&gt;\n</c>, <c> /&gt;</c>). The runtime's vectorised Replace (which returns the same
/// string when there is nothing to replace) measured faster than a hand-written one-pass comparer.
/// </summary>
internal static class HtmlSpelling
{
    public static bool Same(string stored, string rendered) =>
        string.Equals(
            stored.Replace("&#39;", "'"),
            rendered.Replace("<br />\n", "<br>").Replace(" />", ">"),
            StringComparison.Ordinal);
}
