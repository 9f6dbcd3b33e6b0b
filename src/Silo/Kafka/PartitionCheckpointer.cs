using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo.Postgres;

namespace Pricing.Silo.Kafka;

/// <summary>
/// Makes a partition durable through an offset: flushes every grain changed by it since the last
/// checkpoint (their state, applied offsets and history, group-committed by the storage), then
/// records the checkpoint, fenced by the partition's generation. Ticks applied meanwhile are
/// fine: a flush stores them with their offsets, and a replay skips them.
/// </summary>
internal sealed class PartitionCheckpointer(IGrainFactory grains, PostgresPartitionStore partitions)
{
    public async Task<CheckpointOutcome> CheckpointAsync(PartitionProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Fenced)
        {
            return CheckpointOutcome.Fenced;
        }

        var (through, touched) = progress.BeginCheckpoint();
        if (touched.Count == 0 && through <= progress.DurableOffset)
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
                progress.Fenced = true;
                return CheckpointOutcome.Fenced;
            }

            if (!await partitions.WriteCheckpointAsync(progress.Partition, through, cancellationToken))
            {
                progress.Fenced = true;
                return CheckpointOutcome.Fenced;
            }

            progress.CompleteCheckpoint(through);
            return CheckpointOutcome.Advanced;
        }
        catch
        {
            progress.AbortCheckpoint(touched);
            throw;
        }
    }
}
