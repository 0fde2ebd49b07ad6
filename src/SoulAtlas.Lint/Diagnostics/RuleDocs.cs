using System.IO;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>The rule pages (docs/rules/&lt;name&gt;.md), embedded so every host can show them offline.</summary>
public static class RuleDocs
{
    /// <summary>The Markdown page of a rule, or null when it has none.</summary>
    public static string? Page(RuleDescriptor rule)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream("SoulAtlas.Lint.docs.rules." + rule.Name + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
