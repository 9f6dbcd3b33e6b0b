using Pricing.Grains;

namespace Pricing.Silo.Embedded;

/// <summary>
/// Gives simulated ticks the positions Kafka would: a partition chosen by a stable hash of the
/// symbol (the message key) and the next offset in that partition. With positions, the embedded
/// mode takes the same exactly-once path as the cluster mode. Not thread-safe: one feed loop.
/// </summary>
internal sealed class InMemoryTickLog(int partitions)
{
    private readonly long[] _nextOffset = new long[partitions];

    public int Partitions => _nextOffset.Length;

    public void AssignPositions(Span<Tick> ticks)
    {
        foreach (ref var tick in ticks)
        {
            var partition = PartitionOf(tick.Symbol);
            tick = tick with { Partition = partition, Offset = _nextOffset[partition]++ };
        }
    }

    /// <summary>FNV-1a over the symbol's characters: stable across processes, unlike string.GetHashCode.</summary>
    public int PartitionOf(string symbol)
    {
        var hash = 2166136261u;
        foreach (var c in symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_nextOffset.Length);
    }
}
