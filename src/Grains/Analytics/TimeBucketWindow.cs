namespace Pricing.Grains.Analytics;

/// <summary>
/// A rolling event-time window made of fixed buckets (e.g. 300 one-second buckets for five
/// minutes), stored in a circular array tagged with the bucket number. The window ends at the
/// bucket of the latest event time seen; when that moves forward, the buckets falling out are
/// evicted (at most one pass over the array), so the cost is amortised O(1) per tick and the
/// memory is fixed. A tick older than the window is not placed.
/// </summary>
internal abstract class TimeBucketWindow
{
    private const long Empty = long.MinValue;
    private readonly long[] _tags;

    protected TimeBucketWindow(TimeSpan length, TimeSpan resolution)
    {
        if (resolution <= TimeSpan.Zero || length < resolution || length.Ticks % resolution.Ticks != 0)
        {
            throw new ArgumentException($"A window of {length} cannot be cut into buckets of {resolution}.", nameof(resolution));
        }

        Resolution = resolution.Ticks;
        _tags = new long[length.Ticks / resolution.Ticks];
        Array.Fill(_tags, Empty);
    }

    /// <summary>Bucket length in ticks (100 ns).</summary>
    public long Resolution { get; }

    public int Slots => _tags.Length;

    /// <summary>The newest bucket number (event time / resolution); <see cref="long.MinValue"/> before the first tick.</summary>
    public long LatestBucket { get; private set; } = Empty;

    protected bool IsOccupied(int slot) => _tags[slot] != Empty;

    protected long BucketAt(int slot) => _tags[slot];

    /// <summary>Moves the window to cover <paramref name="utcTicks"/> and returns its slot, or -1 if it is older than the window.</summary>
    protected int Locate(long utcTicks)
    {
        var bucket = utcTicks / Resolution;
        if (bucket > LatestBucket)
        {
            Advance(bucket);
        }
        else if (bucket <= LatestBucket - Slots)
        {
            return -1;
        }

        var slot = (int)(bucket % Slots);
        if (_tags[slot] != bucket)
        {
            _tags[slot] = bucket;
            ResetSlot(slot);
        }

        return slot;
    }

    /// <summary>The slot's totals leave the window.</summary>
    protected abstract void EvictSlot(int slot);

    /// <summary>The slot starts a new bucket.</summary>
    protected abstract void ResetSlot(int slot);

    protected abstract void WriteSlot(StateWriter writer, int slot);

    protected abstract void ReadSlot(StateReader reader, int slot);

    /// <summary>Clears aggregates before a read rebuilds them from the slots.</summary>
    protected abstract void ResetAggregates();

    protected abstract void AddSlotToAggregates(int slot);

    public void Write(StateWriter writer)
    {
        writer.Write(Resolution);
        writer.Write((long)Slots);
        writer.Write(LatestBucket);
        var occupied = 0;
        for (var slot = 0; slot < Slots; slot++)
        {
            occupied += IsOccupied(slot) ? 1 : 0;
        }

        writer.Write(occupied);
        for (var slot = 0; slot < Slots; slot++)
        {
            if (IsOccupied(slot))
            {
                // Buckets are within a window of the latest: the distance is a one- or two-byte varint.
                writer.Write(LatestBucket - _tags[slot]);
                WriteSlot(writer, slot);
            }
        }
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Resolution, "a window's bucket length");
        reader.Expect(Slots, "a window's bucket count");
        LatestBucket = reader.ReadInt64();
        Array.Fill(_tags, Empty);
        ResetAggregates();
        var occupied = reader.ReadInt32();
        for (var i = 0; i < occupied; i++)
        {
            var bucket = LatestBucket - reader.ReadInt64();
            var slot = (int)(bucket % Slots);
            _tags[slot] = bucket;
            ReadSlot(reader, slot);
            AddSlotToAggregates(slot);
        }
    }

    private void Advance(long bucket)
    {
        if (LatestBucket != Empty)
        {
            // Buckets LatestBucket+1 .. bucket reuse slots whose old buckets are all out of the new window.
            var steps = Math.Min(bucket - LatestBucket, Slots);
            for (long k = 1; k <= steps; k++)
            {
                var slot = (int)((LatestBucket + k) % Slots);
                if (_tags[slot] != Empty)
                {
                    EvictSlot(slot);
                    _tags[slot] = Empty;
                }
            }
        }

        LatestBucket = bucket;
    }
}
