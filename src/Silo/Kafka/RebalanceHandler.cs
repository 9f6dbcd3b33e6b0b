using Confluent.Kafka;
using Pricing.Runtime;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The consumer's rebalance callbacks. They run on the consume loop's thread, inside Consume, so
/// nothing is being applied meanwhile; they block until their work is done. Offsets are never
/// committed here (a known librdkafka pitfall): committing happens in the loop.
/// </summary>
internal sealed class RebalanceHandler(KafkaIngestAgent agent, ConsumedBatch batch)
{
    /// <summary>Claim each partition in PostgreSQL before reading it, and start after its checkpoint.</summary>
    public IEnumerable<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions, CancellationToken stopping) =>
        agent.TakeOverAsync([.. partitions.Select(p => p.Partition.Value)], stopping).GetAwaiter().GetResult();

    /// <summary>Stop intake, write what was applied, deactivate the grains, then let the partitions go.</summary>
    public void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        var revoked = partitions.Select(p => p.Partition.Value).ToHashSet();
        batch.RemovePartitions(revoked);
        agent.HandOverAsync([.. revoked]).GetAwaiter().GetResult();
    }

    /// <summary>Ownership is already gone: drop in-memory state without writing.</summary>
    public void OnLost(List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => p.Partition.Value).ToHashSet();
        batch.RemovePartitions(lost);
        agent.DropPartitionsAsync([.. lost], new(DeactivationReasonCode.OwnershipLost, "partitions lost")).GetAwaiter().GetResult();
    }
}
