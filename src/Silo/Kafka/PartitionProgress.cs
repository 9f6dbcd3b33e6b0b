namespace Pricing.Silo.Kafka;

/// <summary>
/// An owned partition's progress: the last offset applied to grains, the last offset whose
/// effects are all stored (the checkpoint), and the symbols changed since the last checkpoint
/// started. The input loop records dispatches; the checkpointer runs concurrently.
/// </summary>
internal sealed class PartitionProgress(int partition, long generation, long durableOffset)
{
    private readonly Lock _lock = new();
    private HashSet<string> _touched = new(StringComparer.Ordinal);
    private long _dispatchedThrough = durableOffset;

    public int Partition { get; } = partition;

    public long Generation { get; } = generation;

    /// <summary>Highest offset whose effects are all in PostgreSQL; -1 before any.</summary>
    public long DurableOffset { get; private set; } = durableOffset;

    /// <summary>Highest offset applied to the grains (or dead-lettered); -1 before any.</summary>
    public long DispatchedThrough
    {
        get
        {
            lock (_lock)
            {
                return _dispatchedThrough;
            }
        }
    }

    /// <summary>Set when a write was rejected because another silo now owns the partition.</summary>
    public bool Fenced { get; set; }

    /// <summary>Records an applied batch's part of this partition.</summary>
    public void Dispatched(long throughOffset, IEnumerable<string> symbols)
    {
        lock (_lock)
        {
            _dispatchedThrough = Math.Max(_dispatchedThrough, throughOffset);
            _touched.UnionWith(symbols);
        }
    }

    /// <summary>Starts a checkpoint: returns the offset it will cover and the symbols to flush; later dispatches go to a fresh set.</summary>
    public (long Through, HashSet<string> Touched) BeginCheckpoint()
    {
        lock (_lock)
        {
            var touched = _touched;
            _touched = new HashSet<string>(StringComparer.Ordinal);
            return (_dispatchedThrough, touched);
        }
    }

    public void CompleteCheckpoint(long through) => DurableOffset = Math.Max(DurableOffset, through);

    /// <summary>The checkpoint failed: its symbols still need flushing next time.</summary>
    public void AbortCheckpoint(HashSet<string> touched)
    {
        lock (_lock)
        {
            _touched.UnionWith(touched);
        }
    }
}
