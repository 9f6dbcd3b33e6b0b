using System.Collections.Concurrent;

namespace Pricing.Silo.Cluster;

/// <summary>
/// The input partitions this silo owns right now, each with the generation it claimed in
/// PostgreSQL. Every state write carries the generation of its partitions; a write from an
/// owner whose generation is no longer current is rejected (fencing).
/// </summary>
public sealed class PartitionOwnership(string topic)
{
    private readonly ConcurrentDictionary<int, long> _generations = new();

    public string Topic { get; } = topic;

    public IReadOnlyCollection<int> Owned => [.. _generations.Keys.Order()];

    public bool TryGetGeneration(int partition, out long generation) => _generations.TryGetValue(partition, out generation);

    /// <summary>The claimed generation, or -1 (matches no owner row) when this silo does not own the partition.</summary>
    public long GenerationOf(int partition) => _generations.TryGetValue(partition, out var generation) ? generation : -1;

    public void Claimed(int partition, long generation) => _generations[partition] = generation;

    public void Released(int partition) => _generations.TryRemove(partition, out _);
}
