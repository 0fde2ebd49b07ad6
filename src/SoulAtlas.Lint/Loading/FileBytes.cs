using System;
using System.Collections.Generic;
using System.IO;
using SoulAtlas.Lint.Rules;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Loading;

/// <summary>Reads a file's bytes within the size limit; a file too large or unreadable becomes a located problem instead.</summary>
public static class FileBytes
{
    public static byte[]? Read(string fullPath, string displayPath, LoadLimits limits, List<LoadProblem> problems, Func<string, byte[]> read)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > limits.MaxFileBytes)
            {
                problems.Add(new LoadProblem(RuleCatalogue.ResourceLimit, SourceRange.At(Empty(fullPath, displayPath), 0),
                    $"file is {length:N0} bytes, over the limit of {limits.MaxFileBytes:N0} bytes; it was not parsed"));
                return null;
            }

            return read(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new LoadProblem(RuleCatalogue.InvalidEncoding, SourceRange.At(Empty(fullPath, displayPath), 0), "file cannot be read: " + ex.Message));
            return null;
        }
    }

    /// <summary>A stand-in for a file whose text could not be had, so its problems still have a location.</summary>
    public static SourceFile Empty(string fullPath, string displayPath) => new(fullPath, displayPath, string.Empty);
}
