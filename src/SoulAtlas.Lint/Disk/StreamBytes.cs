using System;
using System.IO;

namespace SoulAtlas.Lint.Disk;

/// <summary>Reading a file whose length is known from an open stream.</summary>
internal static class StreamBytes
{
    /// <summary>
    /// The next <paramref name="length"/> bytes of <paramref name="stream"/>, or fewer when the file
    /// shrank after its length was taken (never more: a file that grew is read as it was measured).
    /// </summary>
    public static byte[] Read(Stream stream, long length)
    {
#if NET
        // Not cleared first: the reads fill it, and an array cut short is copied to one that is.
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
#else
        var bytes = new byte[length];
#endif
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                Array.Resize(ref bytes, read);
                break;
            }

            read += n;
        }

        return bytes;
    }
}
