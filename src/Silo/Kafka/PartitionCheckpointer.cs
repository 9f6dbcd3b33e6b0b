using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Postgres;

namespace Pricing.Silo.Kafka;

/// <summary>
/// Makes a partition durable through an offset: has every grain changed by it since the last
/// checkpoint hand its state, applied offsets and history to the store, waits until the store
/// has them, then records the checkpoint (and the symbols first seen on the partition), fenced by
/// the partition's generation. Ticks applied
/// meanwhile are fine: a write stores them with their offsets, and a replay skips them.
/// </summary>
internal sealed class PartitionCheckpointer(IGrainFactory grains, IDurableStateStore store, PostgresPartitionStore partitions)
{
    public async Task<CheckpointOutcome> CheckpointAsync(PartitionProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Fenced || store.IsRejected(progress.Partition))
        {
            return CheckpointOutcome.Fenced;
        }

        var (through, touched, unlisted) = progress.BeginCheckpoint();
        if (touched.Count == 0 && unlisted.Count == 0 && through <= progress.DurableOffset)
        {
            return CheckpointOutcome.Unchanged;
        }

        try
        {
            var flushes = touched.Select(symbol => grains.GetGrain<ISymbolGrain>(symbol).FlushAsync().AsTask()).ToList();
            try
            {
                await Task.WhenAll(flushes);
            }
            catch when (flushes.Any(f => f.Exception?.InnerException is InconsistentStateException))
            {
                return CheckpointOutcome.Fenced;
            }

            await store.WhenDurableAsync(cancellationToken);
            if (store.IsRejected(progress.Partition) || !await partitions.WriteCheckpointAsync(progress.Partition, through, unlisted, cancellationToken))
            {
                return CheckpointOutcome.Fenced;
            }

            progress.CompleteCheckpoint(through);
            return CheckpointOutcome.Advanced;
        }
        catch
        {
            progress.AbortCheckpoint(touched, unlisted);
            throw;
        }
    }
}
