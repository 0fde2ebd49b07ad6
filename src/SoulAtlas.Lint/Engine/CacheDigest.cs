using System;
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

    /// <summary>The digest of the first <paramref name="count"/> bytes.</summary>
    public static CacheDigest Of(byte[] bytes, int count)
    {
#if NET
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes.AsSpan(0, count), hash);
        return From(hash);
#else
        using var sha = SHA256.Create();
        return From(sha.ComputeHash(bytes, 0, count));
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
/// Gathers values for one SHA-256 digest unambiguously: every value is tagged or length-prefixed and a
/// null differs from an empty string, so two different sequences of values never give the same bytes.
/// The bytes are hashed in one call at the end, which for the many small digests of a run is several
/// times cheaper than feeding a hash piece by piece.
/// </summary>
internal sealed class DigestBuilder
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>A string as its UTF-16 code units, so that no two strings (a lone surrogate included) give the same bytes.</summary>
    public DigestBuilder Add(string? value)
    {
        if (value is null)
        {
            return Add(-1L);
        }

        Add((long)value.Length);
        Reserve(value.Length * 2);
        if (BitConverter.IsLittleEndian)
        {
            // The code units' bytes as they lie in memory are the little-endian order wanted: one copy.
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(_buffer.AsSpan(_length));
            _length += value.Length * 2;
            return this;
        }

        for (var i = 0; i < value.Length; i++)
        {
            _buffer[_length++] = (byte)value[i];
            _buffer[_length++] = (byte)(value[i] >> 8);
        }

        return this;
    }

    public DigestBuilder Add(long value)
    {
        Reserve(9);
        _buffer[_length++] = 0xA5;
        for (var i = 0; i < 8; i++)
        {
            _buffer[_length++] = (byte)(value >> (8 * i));
        }

        return this;
    }

    public DigestBuilder Add(bool value) => Add(value ? 1L : 0L);

    public DigestBuilder Add(CacheDigest value) => Add((long)value.High).Add((long)value.Low);

    /// <summary>The digest of the bytes gathered; the builder is empty again after.</summary>
    public CacheDigest Finish()
    {
#if NET
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(_buffer, 0, _length);
#endif
        _length = 0;
        return CacheDigest.From(hash);
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
