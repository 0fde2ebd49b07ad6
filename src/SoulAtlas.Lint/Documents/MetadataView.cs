using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace SoulAtlas.Lint.Documents;

/// <summary>A related[] entry.</summary>
public sealed record RelatedLink(string Slug, string? Type, JToken SlugToken)
{
    /// <summary>The whole entry (<c>{ slug, type, note }</c>).</summary>
    public JObject? Entry { get; init; }
}

/// <summary>
/// Typed, forgiving access to occupation metadata. Values of the wrong type read as absent:
/// the schema rule reports them, and every other rule goes on with what is usable.
/// </summary>
public sealed class MetadataView
{
    public MetadataView(JObject? root)
    {
        Root = root;
    }

    public JObject? Root { get; }

    public string? Title => String("title");

    public string? Slug => String("slug");

    public string? Status => String("status");

    public string? Provenance => String("provenance");

    public string? Created => String("created");

    public string? Updated => String("updated");

    public string? LastReviewed => String("last_reviewed");

    public string? SourceOrigin => Root?["source"] is JObject source && source["origin"] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    public IReadOnlyList<string> Aliases => Strings("aliases");

    public IReadOnlyList<string> Contributors => Strings("contributors");

    public JArray? Reviewers => Root?["reviewers"] as JArray;

    public bool HasReviewers => Reviewers is { Count: > 0 };

    /// <summary>
    /// The site's "has a human stood behind this?": <c>reviewers.length &gt; 0 || Boolean(last_reviewed)</c>,
    /// with JavaScript's truthiness (<c>last_reviewed: ''</c> or <c>0</c> is not a review; a string's
    /// length counts like an array's).
    /// </summary>
    public bool IsVerified =>
        Root?["reviewers"] switch
        {
            JArray array => array.Count > 0,
            JValue { Type: JTokenType.String } text => ((string)text!).Length > 0,
            _ => false,
        }
        || IsTruthy(Root?["last_reviewed"]);

    /// <summary>The site's federation test: <c>Boolean(source &amp;&amp; source.origin)</c> (an empty origin is not federated).</summary>
    public bool IsFederated => Root?["source"] is JObject source && IsTruthy(source["origin"]);

    /// <summary>JavaScript's <c>Boolean(value)</c> of a YAML or JSON value: false for absent, null, false, 0, NaN and ''.</summary>
    public static bool IsTruthy(JToken? token) => token switch
    {
        null => false,
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => false,
        JValue { Type: JTokenType.Boolean } b => (bool)b!,
        JValue { Type: JTokenType.String } s => ((string)s!).Length > 0,
        JValue { Type: JTokenType.Integer } i => Convert.ToDouble(i.Value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        JValue { Type: JTokenType.Float } f => (double)f! is var d && d != 0 && !double.IsNaN(d),
        _ => true,
    };

    public IReadOnlyList<RelatedLink> Related
    {
        get
        {
            var list = new List<RelatedLink>();
            if (Root?["related"] is JArray related)
            {
                foreach (var item in related)
                {
                    if (item is JObject entry && entry["slug"] is JValue { Type: JTokenType.String } slug)
                    {
                        var type = entry["type"] is JValue { Type: JTokenType.String } t ? (string)t! : null;
                        list.Add(new RelatedLink((string)slug!, type, slug) { Entry = entry });
                    }
                }
            }

            return list;
        }
    }

    public JToken? Token(string name) => Root?[name];

    public string? String(string name) => Root?[name] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    private IReadOnlyList<string> Strings(string name)
    {
        var list = new List<string>();
        if (Root?[name] is JArray array)
        {
            foreach (var item in array)
            {
                if (item is JValue { Type: JTokenType.String } v)
                {
                    list.Add((string)v!);
                }
            }
        }

        return list;
    }
}
