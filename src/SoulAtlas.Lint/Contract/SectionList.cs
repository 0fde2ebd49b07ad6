using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace SoulAtlas.Lint.Contract;

/// <summary>One canonical section of sections.json.</summary>
public sealed record SectionSpec(int Order, string Heading, bool Required, int MinWords);

/// <summary>The ordered section list (sections.json): which sections exist, which are required, how long each must be.</summary>
public sealed class SectionList
{
    private readonly Dictionary<string, SectionSpec> _byHeading;

    public SectionList(IReadOnlyList<SectionSpec> sections)
    {
        Sections = sections;
        _byHeading = new Dictionary<string, SectionSpec>(StringComparer.Ordinal);
        foreach (var s in sections)
        {
            _byHeading[s.Heading] = s;
        }

        var required = 0;
        foreach (var s in sections)
        {
            if (s.Required)
            {
                required++;
            }
        }

        RequiredCount = required;
    }

    public IReadOnlyList<SectionSpec> Sections { get; }

    public int RequiredCount { get; }

    public SectionSpec? Find(string heading) => _byHeading.TryGetValue(heading, out var spec) ? spec : null;

    /// <summary>Parses the sections.json format of the content repository.</summary>
    /// <exception cref="FormatException">The text is not a section list.</exception>
    public static SectionList Parse(string json)
    {
        JToken root;
        try
        {
            root = JToken.Parse(json);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new FormatException("sections.json is not valid JSON: " + ex.Message, ex);
        }

        if (root["sections"] is not JArray array)
        {
            throw new FormatException("sections.json has no \"sections\" array");
        }

        var list = new List<SectionSpec>();
        foreach (var item in array)
        {
            if (item is not JObject o || o["heading"] is not JValue { Type: JTokenType.String } heading)
            {
                throw new FormatException("every entry of sections.json needs a \"heading\" string");
            }

            var required = o["required"] is JValue { Type: JTokenType.Boolean } r && (bool)r;
            var minWords = o["minWords"] is JValue { Type: JTokenType.Integer } m ? (int)m : 0;
            list.Add(new SectionSpec(list.Count, (string)heading!, required, minWords));
        }

        return new SectionList(list);
    }
}
