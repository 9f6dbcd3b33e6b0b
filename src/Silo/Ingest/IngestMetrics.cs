using System.Diagnostics.Metrics;

namespace Pricing.Silo.Ingest;

/// <summary>
/// Ingest instruments (meter "Pricing.Ingest") and running totals the cluster view reads
/// (ticks applied, duplicates skipped, rejected messages).
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Pricing.Ingest";

    private readonly Counter<long> _applied;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _readSeconds;
    private readonly Histogram<double> _applySeconds;
    private readonly Histogram<double> _checkpointSeconds;
    private long _readTicks;
    private long _applyTicks;
    private long _checkpointTicks;
    private long _batches;
    private long _appliedTotal;
    private long _duplicatesTotal;
    private long _rejectedTotal;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>("pricing.ingest.ticks.applied", "{tick}", "Ticks applied to symbol grains.");
        _duplicates = meter.CreateCounter<long>("pricing.ingest.ticks.duplicate", "{tick}", "Ticks skipped because their offset was already applied.");
        _rejected = meter.CreateCounter<long>("pricing.ingest.messages.rejected", "{message}", "Malformed or invalid input messages sent to the dead-letter topic.");
        _batchSize = meter.CreateHistogram<int>("pricing.ingest.batch.size", "{message}", "Messages per batch handed to the grains.");
        _readSeconds = meter.CreateHistogram<double>("pricing.ingest.read.duration", "s", "Time to read and parse a batch.");
        _applySeconds = meter.CreateHistogram<double>("pricing.ingest.apply.duration", "s", "Time to apply a batch to the grains.");
        _checkpointSeconds = meter.CreateHistogram<double>("pricing.ingest.checkpoint.duration", "s", "Time to make the owned partitions durable.");
    }

    /// <summary>Where the input loop's time went since start: reading and parsing, applying, and (concurrently) checkpoints.</summary>
    public IngestProfile Profile => new(
        Interlocked.Read(ref _batches),
        TimeSpan.FromTicks(Interlocked.Read(ref _readTicks)),
        TimeSpan.FromTicks(Interlocked.Read(ref _applyTicks)),
        TimeSpan.FromTicks(Interlocked.Read(ref _checkpointTicks)));

    public void BatchRead(int messages, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _readTicks, elapsed.Ticks);
        _batchSize.Record(messages);
        _readSeconds.Record(elapsed.TotalSeconds);
    }

    public void BatchApplied(TimeSpan elapsed)
    {
        Interlocked.Add(ref _applyTicks, elapsed.Ticks);
        _applySeconds.Record(elapsed.TotalSeconds);
    }

    public void CheckpointTaken(TimeSpan elapsed)
    {
        Interlocked.Add(ref _checkpointTicks, elapsed.Ticks);
        _checkpointSeconds.Record(elapsed.TotalSeconds);
    }

    public long AppliedTotal => Interlocked.Read(ref _appliedTotal);

    public long DuplicatesTotal => Interlocked.Read(ref _duplicatesTotal);

    public long RejectedTotal => Interlocked.Read(ref _rejectedTotal);

    public void TicksApplied(int applied, int duplicates)
    {
        Interlocked.Add(ref _appliedTotal, applied);
        Interlocked.Add(ref _duplicatesTotal, duplicates);
        _applied.Add(applied);
        if (duplicates > 0)
        {
            _duplicates.Add(duplicates);
        }
    }

    public void MessageRejected(string reason)
    {
        Interlocked.Increment(ref _rejectedTotal);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }
}
