using Confluent.Kafka;
using Pricing.Runtime;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The consumer's rebalance callbacks. They run on the consume loop's thread, inside Consume,
/// and block until their work is done. Offsets are never committed here (a known librdkafka
/// pitfall): committing happens in the loop.
/// </summary>
internal sealed class RebalanceHandler(PartitionManager partitions, KafkaConsumeLoop loop, CancellationToken stopping)
{
    /// <summary>Claim each partition in PostgreSQL before reading it, and start after its checkpoint.</summary>
    public IEnumerable<TopicPartitionOffset> OnAssigned(List<TopicPartition> assigned) =>
        partitions.TakeOverAsync([.. assigned.Select(p => p.Partition.Value)], stopping).GetAwaiter().GetResult();

    /// <summary>Stop intake, write what was applied, deactivate the grains, then let the partitions go.</summary>
    public void OnRevoked(List<TopicPartitionOffset> revoked)
    {
        var set = revoked.Select(p => p.Partition.Value).ToHashSet();
        loop.BeforeRevoke(set);
        partitions.HandOverAsync([.. set]).GetAwaiter().GetResult();
    }

    /// <summary>Ownership is already gone: drop in-memory state without writing.</summary>
    public void OnLost(List<TopicPartitionOffset> lost)
    {
        var set = lost.Select(p => p.Partition.Value).ToHashSet();
        loop.BeforeLoss(set);
        partitions.DropAsync([.. set], new(DeactivationReasonCode.OwnershipLost, "partitions lost")).GetAwaiter().GetResult();
    }
}
