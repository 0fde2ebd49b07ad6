using System;
using SoulAtlas.Lint.Diagnostics;

namespace SoulAtlas.Lint.Diagnostics;

/// <summary>Which form of an occupation a rule applies to.</summary>
[Flags]
public enum RuleScope
{
    Records = 1,
    Sources = 2,
    All = Records | Sources,
}

/// <summary>The metadata of one rule: everything the CLI, the docs, SARIF and the analyzer need to know about it.</summary>
public sealed class RuleDescriptor
{
    public RuleDescriptor(string id, string name, Severity defaultSeverity, RuleScope scope, bool fixable, string description, string details)
    {
        Id = id;
        Name = name;
        DefaultSeverity = defaultSeverity;
        Scope = scope;
        Fixable = fixable;
        Description = description;
        Details = details;
    }

    /// <summary>Stable identifier, <c>SOUL300</c>. Never reused.</summary>
    public string Id { get; }

    /// <summary>Kebab-case alias, <c>related-exists</c>.</summary>
    public string Name { get; }

    public Severity DefaultSeverity { get; }

    public RuleScope Scope { get; }

    public bool Fixable { get; }

    /// <summary>One line: what the rule checks.</summary>
    public string Description { get; }

    /// <summary>A paragraph for <c>soul-lint explain</c>: why the rule exists and how to satisfy it.</summary>
    public string Details { get; }

    public override string ToString() => $"{Id} {Name}";
}
