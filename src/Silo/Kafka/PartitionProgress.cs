namespace Pricing.Silo.Kafka;

/// <summary>
/// An owned partition's progress: the last offset applied to grains, the last offset whose
/// effects are all stored (the checkpoint), the symbols changed since the last checkpoint
/// started, and the symbols first seen on the partition that the store does not list yet. The
/// input loop records dispatches; the checkpointer runs concurrently.
/// </summary>
internal sealed class PartitionProgress(int partition, long generation, long durableOffset, IEnumerable<string>? knownSymbols = null)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _known = new(knownSymbols ?? [], StringComparer.Ordinal);
    private HashSet<string> _touched = new(StringComparer.Ordinal);
    private HashSet<string> _unlisted = new(StringComparer.Ordinal);
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
            foreach (var symbol in symbols)
            {
                _touched.Add(symbol);
                if (_known.Add(symbol))
                {
                    _unlisted.Add(symbol);
                }
            }
        }
    }

    /// <summary>
    /// Starts a checkpoint: returns the offset it will cover, the symbols to flush and the symbols
    /// to list as the partition's; later dispatches go to fresh sets.
    /// </summary>
    public (long Through, HashSet<string> Touched, HashSet<string> Unlisted) BeginCheckpoint()
    {
        lock (_lock)
        {
            var touched = _touched;
            var unlisted = _unlisted;
            _touched = new HashSet<string>(StringComparer.Ordinal);
            _unlisted = new HashSet<string>(StringComparer.Ordinal);
            return (_dispatchedThrough, touched, unlisted);
        }
    }

    public void CompleteCheckpoint(long through) => DurableOffset = Math.Max(DurableOffset, through);

    /// <summary>The checkpoint failed: its symbols still need flushing and listing next time.</summary>
    public void AbortCheckpoint(HashSet<string> touched, HashSet<string> unlisted)
    {
        lock (_lock)
        {
            _touched.UnionWith(touched);
            _unlisted.UnionWith(unlisted);
        }
    }
}
