using System;
using System.IO;
using SoulAtlas.Lint.Engine;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>A failure inside soul-lint is told in words: no exception type names, no stack trace, one line.</summary>
public sealed class InternalErrorTests
{
    public static TheoryData<Exception> Failures() => new()
    {
        new NullReferenceException(),
        new IndexOutOfRangeException(),
        new InvalidOperationException("Sequence contains no elements"),
        new IOException("disk gone\n   at Some.Method() in File.cs:line 3"),
        new ArgumentException(new string('x', 5000)),
        new FormatException(string.Empty),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Names_no_exception_type_and_keeps_to_one_short_line(Exception failure)
    {
        var message = InternalError.Describe("finish its section-html check here", failure);

        Assert.StartsWith("soul-lint could not finish its section-html check here (an internal error", message, StringComparison.Ordinal);
        Assert.EndsWith("; please report it with this file", message, StringComparison.Ordinal);
        Assert.DoesNotContain(failure.GetType().Name, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.True(message.Length < 420, message);
    }

    [Fact]
    public void Keeps_what_the_failure_said()
    {
        Assert.Equal(
            "soul-lint could not read this file (an internal error: Sequence contains no elements); please report it with this file",
            InternalError.Describe("read this file", new InvalidOperationException("Sequence contains no elements.")));
    }
}
