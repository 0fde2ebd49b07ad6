using System;
using System.Collections.Concurrent;
using SoulAtlas.Lint.Text;

namespace SoulAtlas.Lint.Engine;

/// <summary>
/// Buffers a run reads documents into when it needs their bytes only for a moment (to hash a
/// file, or a record that may have a byte-identical twin): kept for the run and handed from one
/// read to the next. A fresh array per read costs more than the hashing: in a short process,
/// memory touched for the first time is dear, and the garbage collector clears every new array.
/// </summary>
/// <remarks>
/// Not used for the index scan of every record: with it, the collector (seeing less garbage) let
/// the heap grow, and a run over 10,000 records peaked at 195 MB instead of about 120 MB.
/// </remarks>
internal sealed class ReadBuffers
{
    private readonly ConcurrentBag<byte[]> _free = new();

    /// <summary>
    /// The bytes of <paramref name="file"/>, valid until the lease is disposed; none when the file
    /// cannot be read (it is reported where it is parsed) or is over <paramref name="maxBytes"/>.
    /// </summary>
    public Lease Read(ContentFile file, long maxBytes)
    {
        if (file.ReadError is not null || !file.HasContent || file.Length > maxBytes)
        {
            return default;
        }

        if (file.HeldBytes is { } held)
        {
            return held.Length > maxBytes ? default : new Lease(null, held, held.Length);
        }

        var rented = Rent((int)Math.Max(file.Length, 1));
        try
        {
            var count = file.ReadInto(rented);
            if (count >= 0)
            {
                return new Lease(this, rented, count);
            }

            _free.Add(rented);
            return file.ReadBytes() is { } bytes && bytes.Length <= maxBytes ? new Lease(null, bytes, bytes.Length) : default;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            _free.Add(rented);
            return default;
        }
    }

    /// <summary>A buffer of at least <paramref name="length"/> bytes, from those the run's threads gave back.</summary>
    private byte[] Rent(int length)
    {
        if (_free.TryTake(out var buffer))
        {
            if (buffer.Length >= length)
            {
                return buffer;
            }

            // Too small for this file: dropped, and a larger one made in its place.
        }

        var size = 1 << 16;
        while (size < length && size < (1 << 30))
        {
            size <<= 1;
        }

        return new byte[Math.Max(size, length)];
    }

    /// <summary>A file's bytes: the first <see cref="Count"/> of <see cref="Bytes"/>, null when they could not be had.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly ReadBuffers? _owner;

        public Lease(ReadBuffers? owner, byte[] bytes, int count)
        {
            _owner = owner;
            Bytes = bytes;
            Count = count;
        }

        public byte[]? Bytes { get; }

        public int Count { get; }

        /// <summary>Whether <see cref="Bytes"/> is a buffer of the run's, valid only until disposal, rather than an array the file holds.</summary>
        public bool IsBorrowed => _owner is not null;

        public void Dispose()
        {
            if (_owner is not null && Bytes is not null)
            {
                _owner._free.Add(Bytes);
            }
        }
    }
}
