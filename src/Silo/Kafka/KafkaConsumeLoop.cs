using Confluent.Kafka;
using Pricing.Runtime;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The consumer thread. It reads and parses the next batch while the previous one is being
/// applied (two buffers, one apply in flight), so reading and applying use both cores. A batch
/// that fails to apply is retried, with backoff, before anything newer is applied; re-applying is
/// harmless because grains skip offsets already applied. The rebalance callbacks run here, inside
/// Consume, and settle the batch in flight before partitions move. Offsets are committed here,
/// never inside a callback, and only up to a checkpoint.
/// </summary>
internal sealed partial class KafkaConsumeLoop
{
    private readonly KafkaOptions _options;
    private readonly PartitionManager _partitions;
    private readonly TickDispatcher _dispatcher;
    private readonly DeadLetterWriter _deadLetters;
    private readonly IngestStatus _status;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TickMessageParser _parser = new();
    private ConsumedBatch _filling;
    private ConsumedBatch _spare;
    private (ConsumedBatch Batch, Task Applying)? _inFlight;
    private ConsumedBatch? _failed;
    private TimeSpan _backoff;

    public KafkaConsumeLoop(
        KafkaOptions options,
        PartitionManager partitions,
        TickDispatcher dispatcher,
        DeadLetterWriter deadLetters,
        IngestStatus status,
        IngestMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _partitions = partitions;
        _dispatcher = dispatcher;
        _deadLetters = deadLetters;
        _status = status;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _filling = new ConsumedBatch(options.MaxBatchSize);
        _spare = new ConsumedBatch(options.MaxBatchSize);
        _backoff = options.RetryBackoff;
    }

    public void Run(IConsumer<byte[], byte[]> consumer, CancellationToken stopping)
    {
        var lagMeasured = _time.GetTimestamp();
        var paused = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                CommitDurableOffsets(consumer);
                PauseFencedPartitions(consumer);
                ResumeClaimedPartitions(consumer);
                if (_time.GetElapsedTime(lagMeasured) >= TimeSpan.FromSeconds(1))
                {
                    lagMeasured = _time.GetTimestamp();
                    _status.ConsumerLag = MeasureLag(consumer);
                }

                if (_failed is not null || _partitions.IntakeHeld)
                {
                    // Read nothing new until the failed batch goes through or checkpoints succeed again.
                    consumer.Pause(consumer.Assignment);
                    paused = true;
                    Settle();
                    RetryFailed(consumer);
                    continue;
                }

                if (paused)
                {
                    consumer.Resume(consumer.Assignment);
                    paused = false;
                }

                var reading = _time.GetTimestamp();
                try
                {
                    Fill(consumer, stopping);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    // A broker or the group refused something (a join, a fetch): report it, wait, try again.
                    // What was read before it stays in the batch.
                    LogConsumeFailed(ex.Error.Code, ex.Error.Reason);
                    _status.Set(IngestState.Degraded, $"Kafka: {ex.Error.Reason}; retrying");
                    stopping.WaitHandle.WaitOne(_options.RetryBackoff);
                }

                if (_filling.Count > 0)
                {
                    _metrics.BatchRead(_filling.Count, _time.GetElapsedTime(reading));
                }

                Settle();
                if (_filling.Count > 0 && _failed is null)
                {
                    var batch = _filling;
                    (_filling, _spare) = (_spare, _filling);
                    _inFlight = (batch, Task.Run(() => ApplyAsync(batch), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        Settle();
    }

    /// <summary>Partitions are revoked: settle the batch in flight (so the hand-over writes it) and forget unapplied messages of those partitions.</summary>
    public void BeforeRevoke(IReadOnlySet<int> partitions) => Forget(partitions);

    /// <summary>Partitions are lost: the same, though nothing of them will be written.</summary>
    public void BeforeLoss(IReadOnlySet<int> partitions) => Forget(partitions);

    private void Forget(IReadOnlySet<int> partitions)
    {
        Settle();
        _filling.RemovePartitions(partitions);
        _failed?.RemovePartitions(partitions);
    }

    /// <summary>Waits for the batch in flight; records it as applied, or keeps it for a retry.</summary>
    private void Settle()
    {
        if (_inFlight is not { } inFlight)
        {
            return;
        }

        _inFlight = null;
        try
        {
            inFlight.Applying.GetAwaiter().GetResult();
            _partitions.Dispatched(inFlight.Batch);
            inFlight.Batch.Clear();
            _backoff = _options.RetryBackoff;
            if (!_partitions.CheckpointsFailing)
            {
                _partitions.SetRunning();
            }
        }
        catch (Exception ex)
        {
            LogApplyFailed(ex, inFlight.Batch.Count);
            _status.Set(IngestState.Degraded, $"applying a batch failed, retrying: {ex.Message}");
            _failed = inFlight.Batch;
        }
    }

    private void RetryFailed(IConsumer<byte[], byte[]> consumer)
    {
        // Waiting inside Consume keeps the group membership and serves rebalance callbacks.
        Poll(consumer, _failed is null ? TimeSpan.FromMilliseconds(100) : _backoff);
        if (_failed is not { } failed)
        {
            return;
        }

        _failed = null;
        _inFlight = (failed, ApplyAsync(failed));
        Settle();
        if (_failed is not null)
        {
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _options.MaxRetryBackoff.Ticks));
        }
    }

    // Not cancelled by the silo stopping: a batch begun is finished, so the hand-over writes it.
    private async Task ApplyAsync(ConsumedBatch batch)
    {
        var applying = _time.GetTimestamp();
        // Partitions dropped since these were read (fenced, lost) belong to another silo now.
        batch.RemovePartitions(batch.ThroughOffset.Keys.Where(p => !_partitions.Owns(p)).ToHashSet());
        foreach (var rejected in batch.RejectedMessages)
        {
            await _deadLetters.WriteAsync(rejected.Topic, rejected.Partition, rejected.Offset, rejected.Key, rejected.Value, rejected.Reason, CancellationToken.None);
        }

        if (batch.TickCount > 0)
        {
            await _dispatcher.DispatchAsync(batch.Ticks, CancellationToken.None);
        }

        _metrics.BatchApplied(_time.GetElapsedTime(applying));
    }

    private void Fill(IConsumer<byte[], byte[]> consumer, CancellationToken stopping)
    {
        var firstAt = 0L;
        while (_filling.Count < _options.MaxBatchSize)
        {
            var wait = _filling.Count == 0
                ? TimeSpan.FromMilliseconds(100)
                : _options.MaxBatchWait - _time.GetElapsedTime(firstAt);
            var result = consumer.Consume(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            if (result is null)
            {
                return;
            }

            if (_filling.Count == 0)
            {
                firstAt = _time.GetTimestamp();
            }

            Add(_filling, result);
            stopping.ThrowIfCancellationRequested();
        }
    }

    private void Poll(IConsumer<byte[], byte[]> consumer, TimeSpan wait)
    {
        var result = consumer.Consume(wait);
        if (result is not null)
        {
            // Fetched before the pause took effect: keep it for when intake resumes.
            Add(_filling, result);
        }
    }

    private void Add(ConsumedBatch batch, ConsumeResult<byte[], byte[]> result)
    {
        var partition = result.Partition.Value;
        if (!_partitions.Owns(partition))
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

    private void CommitDurableOffsets(IConsumer<byte[], byte[]> consumer)
    {
        var offsets = _partitions.TakeCommittable();
        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
        }
        catch (KafkaException ex)
        {
            // Committed offsets only shorten a replay; the checkpoint in PostgreSQL is what counts.
            LogCommitFailed(ex.Error.Reason);
        }
    }

    /// <summary>Stops fetching partitions another silo has claimed, until the group protocol takes them away.</summary>
    private void PauseFencedPartitions(IConsumer<byte[], byte[]> consumer)
    {
        var fenced = _partitions.TakeFenced().Select(p => new TopicPartition(_options.Topic, p)).Where(consumer.Assignment.Contains).ToList();
        if (fenced.Count > 0)
        {
            consumer.Pause(fenced);
        }
    }

    /// <summary>Fetches partitions claimed again after they were paused as fenced.</summary>
    private void ResumeClaimedPartitions(IConsumer<byte[], byte[]> consumer)
    {
        var claimed = _partitions.TakeClaimed().Select(p => new TopicPartition(_options.Topic, p)).Where(consumer.Assignment.Contains).ToList();
        if (claimed.Count > 0)
        {
            consumer.Resume(claimed);
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

    /// <summary>Final commit on a graceful stop, after the last checkpoint.</summary>
    public void CommitFinal(IConsumer<byte[], byte[]> consumer) => CommitDurableOffsets(consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a batch of {Count} messages failed; it is retried")]
    private partial void LogApplyFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consuming from Kafka failed ({Code}: {Reason}); retrying")]
    private partial void LogConsumeFailed(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committing offsets to Kafka failed: {Reason}")]
    private partial void LogCommitFailed(string reason);
}
