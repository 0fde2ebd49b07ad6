using System;

namespace SoulAtlas.Lint.Engine;

/// <summary>The request cannot be carried out (a path that does not exist, a bad option): exit code 2.</summary>
public sealed class LintUsageException : Exception
{
    public LintUsageException(string message)
        : base(message)
    {
    }
}
