using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Ingest;
using Pricing.Silo.Postgres;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The partitions this silo owns and their life cycle: taking one on (claim in PostgreSQL,
/// generation + 1, start after its checkpoint), making them durable at an interval
/// (checkpoints, whose offsets the consume loop then commits), handing them over (write, then
/// deactivate their grains) and dropping them when another silo owns them (deactivate without
/// writing). Checkpoints and hand-overs never run at the same time.
/// </summary>
internal sealed partial class PartitionManager(
    IOptions<KafkaOptions> options,
    PartitionCheckpointer checkpointer,
    PostgresPartitionStore partitionStore,
    IDurableStateStore stateStore,
    IGrainManagement grains,
    PartitionOwnership ownership,
    SymbolPartitions symbolPartitions,
    IngestStatus status,
    IngestMetrics metrics,
    TimeProvider time,
    ILogger<PartitionManager> logger) : IDisposable
{
    private readonly KafkaOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, PartitionProgress> _progress = new();
    private readonly ConcurrentQueue<TopicPartitionOffset> _durable = new();
    private readonly ConcurrentQueue<int> _fenced = new();
    private readonly ConcurrentQueue<int> _claimed = new();
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private long _lastGoodCheckpoint = time.GetTimestamp();
    private volatile bool _checkpointsFailing;

    /// <summary>True while checkpoints fail: the loop keeps retrying them.</summary>
    public bool CheckpointsFailing => _checkpointsFailing;

    /// <summary>Checkpoints have failed for longer than allowed: intake must pause until one succeeds.</summary>
    public bool IntakeHeld => _checkpointsFailing && time.GetElapsedTime(Interlocked.Read(ref _lastGoodCheckpoint)) > _options.MaxCheckpointLag;

    public bool Owns(int partition) => _progress.TryGetValue(partition, out var progress) && !progress.Fenced;

    public IReadOnlyCollection<int> Owned => [.. _progress.Keys.Order()];

    /// <summary>Records an applied batch: per partition the offset applied through and the symbols it touched.</summary>
    public void Dispatched(ConsumedBatch batch)
    {
        var symbolsByPartition = new Dictionary<int, HashSet<string>>();
        foreach (ref readonly var tick in batch.Ticks.Span)
        {
            if (!symbolsByPartition.TryGetValue(tick.Partition, out var symbols))
            {
                symbols = new HashSet<string>(StringComparer.Ordinal);
                symbolsByPartition[tick.Partition] = symbols;
            }

            symbols.Add(tick.Symbol);
        }

        foreach (var (partition, through) in batch.ThroughOffset)
        {
            if (!_progress.TryGetValue(partition, out var progress))
            {
                continue;
            }

            var symbols = symbolsByPartition.GetValueOrDefault(partition) ?? [];
            foreach (var symbol in symbols)
            {
                symbolPartitions.Record(symbol, partition);
            }

            progress.Dispatched(through, symbols);
        }
    }

    /// <summary>Offsets made durable since the last call, latest per partition, for partitions still owned.</summary>
    public List<TopicPartitionOffset> TakeCommittable()
    {
        var offsets = new Dictionary<int, TopicPartitionOffset>();
        while (_durable.TryDequeue(out var offset))
        {
            offsets[offset.Partition.Value] = offset;
        }

        return [.. offsets.Values.Where(o => _progress.ContainsKey(o.Partition.Value))];
    }

    /// <summary>Partitions found fenced since the last call: the consumer stops fetching them.</summary>
    public List<int> TakeFenced()
    {
        var fenced = new List<int>();
        while (_fenced.TryDequeue(out var partition))
        {
            // Claimed again since it was dropped (a rebalance gave it back): that claim is current.
            if (!_progress.ContainsKey(partition))
            {
                fenced.Add(partition);
            }
        }

        return fenced;
    }

    /// <summary>
    /// Partitions claimed since the last call. A partition paused while fenced stays paused
    /// through a new assignment (librdkafka keeps an application's pause), so the consumer
    /// resumes these.
    /// </summary>
    public List<int> TakeClaimed()
    {
        var claimed = new List<int>();
        while (_claimed.TryDequeue(out var partition))
        {
            claimed.Add(partition);
        }

        return claimed;
    }

    public async Task CheckpointLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await CheckpointOwnedAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checkpoints every owned partition; the offsets made durable are queued for the consume loop to commit.</summary>
    public async Task CheckpointOwnedAsync(CancellationToken cancellationToken)
    {
        await _checkpointGate.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            var outcomes = await Task.WhenAll(_progress.Values.Select(async p => (Progress: p, Outcome: await checkpointer.CheckpointAsync(p, cancellationToken))));
            foreach (var (progress, outcome) in outcomes)
            {
                if (outcome == CheckpointOutcome.Advanced)
                {
                    _durable.Enqueue(new TopicPartitionOffset(_options.Topic, progress.Partition, progress.DurableOffset + 1));
                }
                else if (outcome == CheckpointOutcome.Fenced)
                {
                    _fenced.Enqueue(progress.Partition);
                    await DropAsync([progress.Partition], new(DeactivationReasonCode.OwnershipLost, "another silo claimed the partition"));
                }
            }

            Interlocked.Exchange(ref _lastGoodCheckpoint, time.GetTimestamp());
            if (_checkpointsFailing)
            {
                _checkpointsFailing = false;
                SetRunning();
            }

            metrics.CheckpointTaken(time.GetElapsedTime(started));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _checkpointsFailing = true;
            status.Set(IngestState.Degraded, $"checkpoint failed, retrying: {ex.Message}");
            LogCheckpointFailed(ex);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>
    /// Takes partitions on: claims each (generation + 1) and returns where to read from. Runs
    /// under the checkpoint gate: a checkpoint that finds a partition fenced drops it by number,
    /// and must not drop a claim made meanwhile.
    /// </summary>
    public async Task<List<TopicPartitionOffset>> TakeOverAsync(IReadOnlyList<int> partitions, CancellationToken stopping)
    {
        await _checkpointGate.WaitAsync(stopping);
        try
        {
            var start = new List<TopicPartitionOffset>(partitions.Count);
            foreach (var partition in partitions)
            {
                start.Add(await ClaimAsync(partition, stopping));
                _claimed.Enqueue(partition);
            }

            if (!_checkpointsFailing)
            {
                // This silo's share of the group is claimed: ready, whether or not anything arrives.
                SetRunning();
            }

            return start;
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>Sets the ingest running, naming the partitions owned.</summary>
    public void SetRunning() =>
        status.Set(IngestState.Running, $"consuming {_options.Topic}: partitions {string.Join(',', Owned)}");

    private async Task<TopicPartitionOffset> ClaimAsync(int partition, CancellationToken stopping)
    {
        var backoff = _options.RetryBackoff;
        while (true)
        {
            try
            {
                // Activations left from an earlier ownership of these symbols may hold stale state.
                await DeactivateGrainsOfAsync([partition], new(DeactivationReasonCode.OwnershipLost, "partition taken over; state is re-read"));
                var generation = await partitionStore.ClaimAsync(partition, stopping);
                stateStore.ResetRejections(partition);
                var checkpoint = await partitionStore.ReadCheckpointAsync(partition, stopping);
                var symbols = await partitionStore.SymbolsOfAsync(partition, stopping);
                foreach (var symbol in symbols)
                {
                    // This silo answers for them now, before they trade again.
                    symbolPartitions.Record(symbol, partition);
                }

                _progress[partition] = new PartitionProgress(partition, generation, checkpoint ?? -1, symbols);
                LogClaimed(partition, generation, checkpoint ?? -1, symbols.Count);
                return new TopicPartitionOffset(_options.Topic, partition, checkpoint is long durable ? new Offset(durable + 1) : Offset.Beginning);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogClaimFailed(ex, partition, backoff);
                status.Set(IngestState.Degraded, $"claiming partition {partition} failed, retrying: {ex.Message}");
                await Task.Delay(backoff, time, stopping);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxRetryBackoff.Ticks));
            }
        }
    }

    /// <summary>Hands partitions over: their changed grains are written, the checkpoint advanced, and their grains deactivated.</summary>
    public async Task HandOverAsync(IReadOnlyList<int> partitions)
    {
        await _checkpointGate.WaitAsync();
        try
        {
            foreach (var partition in partitions)
            {
                if (_progress.TryGetValue(partition, out var progress))
                {
                    try
                    {
                        await checkpointer.CheckpointAsync(progress, CancellationToken.None);
                    }
                    catch (Exception ex)
                    {
                        // The next owner replays from the previous checkpoint; nothing is lost.
                        LogHandOverCheckpointFailed(ex, partition);
                    }
                }
            }

            await DropAsync(partitions, new(DeactivationReasonCode.ApplicationRequested, "partition handed over"));
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>Forgets partitions and deactivates their grains; with <see cref="DeactivationReasonCode.OwnershipLost"/> nothing is written.</summary>
    public async Task DropAsync(IReadOnlyList<int> partitions, DeactivationReason reason)
    {
        foreach (var partition in partitions)
        {
            if (_progress.TryGetValue(partition, out var progress))
            {
                progress.Fenced = reason.Code == DeactivationReasonCode.OwnershipLost;
            }
        }

        await DeactivateGrainsOfAsync(partitions, reason);
        foreach (var partition in partitions)
        {
            _progress.TryRemove(partition, out _);
            ownership.Released(partition);
        }

        LogDropped(string.Join(',', partitions), reason.ToString());
    }

    public void Dispose() => _checkpointGate.Dispose();

    private Task DeactivateGrainsOfAsync(IReadOnlyList<int> partitions, DeactivationReason reason) =>
        grains.DeactivateAsync(
            id => symbolPartitions.TryGetPartition(id.Key, out var partition) && partitions.Contains(partition),
            reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed partition {Partition} (generation {Generation}, {Symbols} symbols known); reading after checkpoint {Checkpoint}")]
    private partial void LogClaimed(int partition, long generation, long checkpoint, int symbols);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming partition {Partition} failed; retrying in {Backoff}")]
    private partial void LogClaimFailed(Exception exception, int partition, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped partitions {Partitions} ({Reason})")]
    private partial void LogDropped(string partitions, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint failed; grains keep their changes and the next checkpoint retries")]
    private partial void LogCheckpointFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint of partition {Partition} on hand-over failed; its next owner replays from the previous checkpoint")]
    private partial void LogHandOverCheckpointFailed(Exception exception, int partition);
}
