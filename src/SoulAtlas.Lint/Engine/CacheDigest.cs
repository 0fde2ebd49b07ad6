using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// 128 bits of a SHA-256 digest: what the result cache keys on (a document's bytes, the settings,
/// the answers a check was given). A cryptographic hash, because a collision would reuse a result
/// that is wrong, and SHA-256 runs at over a gigabyte a second where the processor has it.
/// </summary>
internal readonly record struct CacheDigest(ulong High, ulong Low)
{
    public const int Size = 16;

    public static CacheDigest Of(byte[] bytes)
    {
#if NET
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return From(hash);
#else
        using var sha = SHA256.Create();
        return From(sha.ComputeHash(bytes));
#endif
    }

    public static CacheDigest From(ReadOnlySpan<byte> hash)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 8; i++)
        {
            high = (high << 8) | hash[i];
            low = (low << 8) | hash[8 + i];
        }

        return new CacheDigest(high, low);
    }

    public void CopyTo(Span<byte> destination)
    {
        for (var i = 0; i < 8; i++)
        {
            destination[i] = (byte)(High >> (56 - (8 * i)));
            destination[8 + i] = (byte)(Low >> (56 - (8 * i)));
        }
    }

    public override string ToString() => High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x16", CultureInfo.InvariantCulture);
}

/// <summary>
/// Feeds values into one SHA-256 digest unambiguously: every string is length-prefixed and a null
/// differs from an empty string, so two different sequences of values never feed the same bytes.
/// </summary>
internal sealed class DigestBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _scratch = new byte[9];

    /// <summary>A string as its UTF-16 code units, so that no two strings (a lone surrogate included) feed the same bytes.</summary>
    public DigestBuilder Add(string? value)
    {
        if (value is null)
        {
            return Add(-1L);
        }

        Add((long)value.Length);
#if NET
        _hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
#else
        var buffer = ArrayPool<byte>.Shared.Rent(value.Length * 2);
        try
        {
            for (var i = 0; i < value.Length; i++)
            {
                buffer[2 * i] = (byte)value[i];
                buffer[(2 * i) + 1] = (byte)(value[i] >> 8);
            }

            _hash.AppendData(buffer, 0, value.Length * 2);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
#endif
        return this;
    }

    public DigestBuilder Add(long value)
    {
        _scratch[0] = 0xA5;
        for (var i = 0; i < 8; i++)
        {
            _scratch[1 + i] = (byte)(value >> (8 * i));
        }

        _hash.AppendData(_scratch, 0, 9);
        return this;
    }

    public DigestBuilder Add(bool value) => Add(value ? 1L : 0L);

    public DigestBuilder Add(CacheDigest value) => Add((long)value.High).Add((long)value.Low);

    public DigestBuilder Add(CacheDigest? value) => value is { } digest ? Add(true).Add(digest) : Add(false);

    public CacheDigest Finish() => CacheDigest.From(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
