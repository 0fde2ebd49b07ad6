using System;
using System.Collections.Generic;
using System.Globalization;
using SoulAtlas.Lint.Diagnostics;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Loading;

/// <summary>A file's bytes within the size limit; a file too large or unreadable becomes a located problem instead.</summary>
public static class FileBytes
{
    public static byte[]? Read(ContentFile file, string displayPath, LoadLimits limits, List<LoadProblem> problems)
    {
        if (file.ReadError is { } reason)
        {
            problems.Add(new LoadProblem(RuleCatalogue.InvalidEncoding, SourceRange.At(Empty(file.Path, displayPath), 0), "file cannot be read: " + reason));
            return null;
        }

        if (file.Length > limits.MaxFileBytes || !file.HasContent)
        {
            problems.Add(new LoadProblem(RuleCatalogue.ResourceLimit, SourceRange.At(Empty(file.Path, displayPath), 0),
                $"file is {file.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {limits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; it was not parsed"));
            return null;
        }

        byte[]? bytes;
        try
        {
            bytes = file.ReadBytes();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            problems.Add(new LoadProblem(RuleCatalogue.InvalidEncoding, SourceRange.At(Empty(file.Path, displayPath), 0), "file cannot be read: " + ex.Message));
            return null;
        }

        if (bytes is not null && bytes.Length > limits.MaxFileBytes)
        {
            problems.Add(new LoadProblem(RuleCatalogue.ResourceLimit, SourceRange.At(Empty(file.Path, displayPath), 0),
                $"file is {bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, over the limit of {limits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes; it was not parsed"));
            return null;
        }

        return bytes;
    }

    /// <summary>A stand-in for a file whose text could not be had, so its problems still have a location.</summary>
    public static SourceFile Empty(string fullPath, string displayPath) => new(fullPath, displayPath, string.Empty);
}
