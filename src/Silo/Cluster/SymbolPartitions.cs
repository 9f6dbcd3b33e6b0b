using System.Collections.Concurrent;

namespace Pricing.Silo.Cluster;

/// <summary>
/// Which input partition each symbol seen by this silo arrived on (a symbol is the message key,
/// so it always lands in the same partition). Used to find a partition's grains on hand-over and
/// whether this silo owns a symbol. Kept across ownership changes.
/// </summary>
public sealed class SymbolPartitions
{
    private readonly ConcurrentDictionary<string, int> _partitions = new(StringComparer.Ordinal);

    public void Record(string symbol, int partition) => _partitions[symbol] = partition;

    public bool TryGetPartition(string symbol, out int partition) => _partitions.TryGetValue(symbol, out partition);

    public IReadOnlyList<string> SymbolsOf(int partition) =>
        [.. _partitions.Where(e => e.Value == partition).Select(e => e.Key)];

    public int CountOf(int partition) => _partitions.Count(e => e.Value == partition);
}
