using System;
using System.IO;
using System.Linq;
using SoulAtlas.Lint.Engine;
using Xunit;

namespace SoulAtlas.Lint.Tests;

/// <summary>
/// Large corpora are indexed from a quick scan and each record parsed only while it is checked.
/// That mode must report exactly what the in-memory mode reports, on every fixture.
/// </summary>
public sealed class StreamingTests
{
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "rules")).SelectMany(Directory.GetDirectories).OrderBy(d => d, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.Fixtures, dir));
        }

        data.Add("corpus");
        data.Add("formats");
        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Streaming_reports_what_the_in_memory_mode_reports(string folder)
    {
        var path = Path.Combine(TestPaths.Fixtures, folder);
        var settings = Lint.AllRules();
        var inMemory = Lint.Run(settings, path);
        var streamed = Lint.Run(
            new LintSettings { Today = settings.Today, Severities = settings.Severities, StreamingThresholdBytes = 0 },
            path);

        Assert.Equal(Lint.Describe(inMemory.Diagnostics), Lint.Describe(streamed.Diagnostics));
        Assert.Equal(inMemory.Occupations, streamed.Occupations);
        Assert.Equal(inMemory.Files, streamed.Files);
        Assert.Equal(
            inMemory.Computed.Select(c => Formatting.ComputedFormatter.Format(new[] { c })),
            streamed.Computed.Select(c => Formatting.ComputedFormatter.Format(new[] { c })));
    }
}
