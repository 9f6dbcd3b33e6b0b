using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Pricing.Kafka;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Ingest;
using Pricing.Silo.Postgres;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The pulling agent: one Kafka consumer per silo in the service's group. It reads batches,
/// parses them (malformed messages go to the dead-letter topic), and hands the ticks to the
/// symbol grains through the dispatcher; a checkpoint loop makes partitions durable and the
/// offsets it may commit follow. Partition ownership comes from the group protocol and is
/// claimed in PostgreSQL (see <see cref="RebalanceHandler"/>). The consume loop runs on its own
/// thread because Consume blocks and the rebalance callbacks run inside it.
/// </summary>
internal sealed partial class KafkaIngestAgent(
    IOptions<KafkaOptions> options,
    TickDispatcher dispatcher,
    DeadLetterWriterFactory deadLetters,
    PartitionCheckpointer checkpointer,
    PostgresPartitionStore partitionStore,
    IDurableStateStore stateStore,
    IGrainManagement grains,
    PartitionOwnership ownership,
    SymbolPartitions symbolPartitions,
    IngestStatus status,
    IngestMetrics metrics,
    SiloIdentity silo,
    TimeProvider time,
    ILogger<KafkaIngestAgent> logger) : BackgroundService
{
    private readonly KafkaOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, PartitionProgress> _progress = new();
    private readonly ConcurrentQueue<TopicPartitionOffset> _durable = new();
    private readonly ConcurrentQueue<int> _fenced = new();
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private readonly TickMessageParser _parser = new();
    private long _lastGoodCheckpoint = time.GetTimestamp();
    private volatile bool _checkpointsFailing;

    /// <summary>Owned partitions and their progress, for the cluster view.</summary>
    public IReadOnlyCollection<PartitionProgress> Partitions => [.. _progress.Values.OrderBy(p => p.Partition)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LibrdkafkaLoader.EnsureLoaded();
        var checkpoints = Task.Run(() => CheckpointLoopAsync(stoppingToken), CancellationToken.None);
        await Task.Factory.StartNew(() => ConsumeLoop(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await checkpoints;
    }

    private void ConsumeLoop(CancellationToken stopping)
    {
        using var deadLetterWriter = deadLetters.Create();
        var batch = new ConsumedBatch(_options.MaxBatchSize);
        var rebalance = new RebalanceHandler(this, batch);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientSettings.Consumer(_options, silo.Id))
            .SetPartitionsAssignedHandler((_, partitions) => rebalance.OnAssigned(partitions, stopping))
            .SetPartitionsRevokedHandler((_, partitions) => rebalance.OnRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => rebalance.OnLost(partitions))
            .SetErrorHandler((_, error) => LogKafkaError(error.Code, error.Reason, error.IsFatal))
            .SetLogHandler((_, message) => LogKafkaClient(message.Level.ToString(), message.Facility, message.Message))
            .Build();
        consumer.Subscribe(_options.Topic);
        status.Set(IngestState.Starting, $"joining consumer group {_options.GroupId} on {_options.Topic}");
        var paused = false;
        var lagMeasured = time.GetTimestamp();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                CommitDurableOffsets(consumer);
                PauseFencedPartitions(consumer);
                if (time.GetElapsedTime(lagMeasured) >= TimeSpan.FromSeconds(1))
                {
                    lagMeasured = time.GetTimestamp();
                    status.ConsumerLag = MeasureLag(consumer);
                }

                if (IntakeHeld)
                {
                    // PostgreSQL has not taken a checkpoint for too long: stop reading until it does.
                    consumer.Pause(consumer.Assignment);
                    paused = true;
                    status.Set(IngestState.Degraded, "checkpoints are failing; intake paused");
                    Poll(consumer, batch, TimeSpan.FromMilliseconds(100));
                    continue;
                }

                if (paused)
                {
                    consumer.Resume(consumer.Assignment);
                    paused = false;
                }

                var reading = time.GetTimestamp();
                Fill(consumer, batch, stopping);
                if (batch.Count > 0)
                {
                    metrics.BatchRead(batch.Count, time.GetElapsedTime(reading));
                    var applying = time.GetTimestamp();
                    Apply(consumer, batch, deadLetterWriter, stopping);
                    metrics.BatchApplied(time.GetElapsedTime(applying));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            StopGracefully(consumer);
        }
    }

    /// <summary>SIGTERM: what was applied is written and committed, then the group is left (the revoke hands partitions over).</summary>
    private void StopGracefully(IConsumer<byte[], byte[]> consumer)
    {
        status.Set(IngestState.Stopped, "the silo is stopping");
        try
        {
            CheckpointOwnedAsync(CancellationToken.None).GetAwaiter().GetResult();
            CommitDurableOffsets(consumer);
            consumer.Close();
            LogLeftGroup(_options.GroupId, metrics.Profile.ToString());
        }
        catch (Exception ex)
        {
            // Nothing is lost: the next owner replays from the last checkpoint.
            LogStopFailed(ex);
        }
    }

    private bool IntakeHeld => _checkpointsFailing && time.GetElapsedTime(Interlocked.Read(ref _lastGoodCheckpoint)) > _options.MaxCheckpointLag;

    private void Fill(IConsumer<byte[], byte[]> consumer, ConsumedBatch batch, CancellationToken stopping)
    {
        var deadline = 0L;
        while (batch.Count < _options.MaxBatchSize)
        {
            var wait = batch.Count == 0
                ? TimeSpan.FromMilliseconds(100)
                : _options.MaxBatchWait - time.GetElapsedTime(deadline);
            var result = consumer.Consume(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            if (result is null)
            {
                return;
            }

            if (batch.Count == 0)
            {
                deadline = time.GetTimestamp();
            }

            Add(batch, result);
            stopping.ThrowIfCancellationRequested();
        }
    }

    private void Poll(IConsumer<byte[], byte[]> consumer, ConsumedBatch batch, TimeSpan wait)
    {
        var result = consumer.Consume(wait);
        if (result is not null)
        {
            Add(batch, result);
        }
    }

    private void Add(ConsumedBatch batch, ConsumeResult<byte[], byte[]> result)
    {
        var partition = result.Partition.Value;
        if (!_progress.TryGetValue(partition, out var progress) || progress.Fenced)
        {
            // Not (or no longer) ours: the owner of the current generation reads it.
            return;
        }

        if (_parser.TryParse(result.Message.Key, result.Message.Value, partition, result.Offset.Value, out var tick, out var error))
        {
            batch.Add(tick);
        }
        else
        {
            batch.Reject(result, error!);
        }
    }

    /// <summary>Applies the batch, retrying with backoff (reads continue, paused) until it goes through: re-applying is harmless, offsets already applied are skipped.</summary>
    private void Apply(IConsumer<byte[], byte[]> consumer, ConsumedBatch batch, DeadLetterWriter deadLetterWriter, CancellationToken stopping)
    {
        var backoff = _options.RetryBackoff;
        while (true)
        {
            // Partitions dropped since these were read (fenced, lost) belong to another silo now.
            batch.RemovePartitions(batch.ThroughOffset.Keys.Where(p => !_progress.ContainsKey(p)).ToHashSet());
            try
            {
                foreach (var rejected in batch.RejectedMessages)
                {
                    deadLetterWriter.WriteAsync(rejected.Topic, rejected.Partition, rejected.Offset, rejected.Key, rejected.Value, rejected.Reason, stopping)
                        .GetAwaiter().GetResult();
                }

                if (batch.TickCount > 0)
                {
                    dispatcher.DispatchAsync(batch.Ticks, stopping).AsTask().GetAwaiter().GetResult();
                }

                RecordDispatched(batch);
                batch.Clear();
                if (!_checkpointsFailing)
                {
                    status.Set(IngestState.Running, $"consuming {_options.Topic}: partitions {string.Join(',', _progress.Keys.Order())}");
                }

                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                LogApplyFailed(ex, batch.Count, backoff);
                status.Set(IngestState.Degraded, $"applying a batch failed, retrying: {ex.Message}");
                consumer.Pause(consumer.Assignment);
                Poll(consumer, batch, backoff);
                consumer.Resume(consumer.Assignment);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxRetryBackoff.Ticks));
            }
        }
    }

    private void RecordDispatched(ConsumedBatch batch)
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

    /// <summary>Messages between the consumer's position and the end of each assigned partition (from the last fetch; no broker call).</summary>
    private static long MeasureLag(IConsumer<byte[], byte[]> consumer)
    {
        long lag = 0;
        foreach (var partition in consumer.Assignment)
        {
            var end = consumer.GetWatermarkOffsets(partition).High;
            var position = consumer.Position(partition);
            if (end != Offset.Unset && position != Offset.Unset)
            {
                lag += Math.Max(0, end.Value - position.Value);
            }
        }

        return lag;
    }

    /// <summary>Stops fetching partitions another silo has claimed, until the group protocol takes them away.</summary>
    private void PauseFencedPartitions(IConsumer<byte[], byte[]> consumer)
    {
        var fenced = new List<TopicPartition>();
        while (_fenced.TryDequeue(out var partition))
        {
            fenced.Add(new TopicPartition(_options.Topic, partition));
        }

        if (fenced.Count > 0)
        {
            consumer.Pause(fenced.Where(consumer.Assignment.Contains));
        }
    }

    private void CommitDurableOffsets(IConsumer<byte[], byte[]> consumer)
    {
        var offsets = new Dictionary<int, TopicPartitionOffset>();
        while (_durable.TryDequeue(out var offset))
        {
            offsets[offset.Partition.Value] = offset;
        }

        var owned = offsets.Values.Where(o => _progress.ContainsKey(o.Partition.Value)).ToList();
        if (owned.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(owned);
        }
        catch (KafkaException ex)
        {
            // Committed offsets only shorten a replay; the checkpoint in PostgreSQL is what counts.
            LogCommitFailed(ex.Error.Reason);
        }
    }

    private async Task CheckpointLoopAsync(CancellationToken stopping)
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
    internal async Task CheckpointOwnedAsync(CancellationToken cancellationToken)
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
                    await DropPartitionsAsync([progress.Partition], new(DeactivationReasonCode.OwnershipLost, "another silo claimed the partition"));
                }
            }

            Interlocked.Exchange(ref _lastGoodCheckpoint, time.GetTimestamp());
            _checkpointsFailing = false;
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

    /// <summary>Takes partitions on: claims each (generation + 1) and returns where to read from.</summary>
    internal async Task<List<TopicPartitionOffset>> TakeOverAsync(IReadOnlyList<int> partitions, CancellationToken stopping)
    {
        var start = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
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
                    _progress[partition] = new PartitionProgress(partition, generation, checkpoint ?? -1);
                    start.Add(new TopicPartitionOffset(_options.Topic, partition, checkpoint is long durable ? new Offset(durable + 1) : Offset.Beginning));
                    LogClaimed(partition, generation, checkpoint ?? -1);
                    break;
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

        return start;
    }

    /// <summary>Hands partitions over: their changed grains are written, the checkpoint advanced, and their grains deactivated.</summary>
    internal async Task HandOverAsync(IReadOnlyList<int> partitions)
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

            await DropPartitionsAsync(partitions, new(DeactivationReasonCode.ApplicationRequested, "partition handed over"));
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>Forgets partitions and deactivates their grains; with <see cref="DeactivationReasonCode.OwnershipLost"/> nothing is written.</summary>
    internal async Task DropPartitionsAsync(IReadOnlyList<int> partitions, DeactivationReason reason)
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

    private Task DeactivateGrainsOfAsync(IReadOnlyList<int> partitions, DeactivationReason reason) =>
        grains.DeactivateAsync(
            id => symbolPartitions.TryGetPartition(id.Key, out var partition) && partitions.Contains(partition),
            reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed partition {Partition} (generation {Generation}); reading after checkpoint {Checkpoint}")]
    private partial void LogClaimed(int partition, long generation, long checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming partition {Partition} failed; retrying in {Backoff}")]
    private partial void LogClaimFailed(Exception exception, int partition, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped partitions {Partitions} ({Reason})")]
    private partial void LogDropped(string partitions, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a batch of {Count} messages failed; retrying in {Backoff}")]
    private partial void LogApplyFailed(Exception exception, int count, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint failed; grains keep their changes and the next checkpoint retries")]
    private partial void LogCheckpointFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint of partition {Partition} on hand-over failed; its next owner replays from the previous checkpoint")]
    private partial void LogHandOverCheckpointFailed(Exception exception, int partition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committing offsets to Kafka failed: {Reason}")]
    private partial void LogCommitFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Left consumer group {GroupId}; ingest profile: {Profile}")]
    private partial void LogLeftGroup(string groupId, string profile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping the Kafka ingest cleanly failed")]
    private partial void LogStopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason} (fatal: {IsFatal})")]
    private partial void LogKafkaError(ErrorCode code, string reason, bool isFatal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Level} {Facility}: {Message}")]
    private partial void LogKafkaClient(string level, string facility, string message);
}
