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
    private long _appliedTotal;
    private long _duplicatesTotal;
    private long _rejectedTotal;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _applied = meter.CreateCounter<long>("pricing.ingest.ticks.applied", "{tick}", "Ticks applied to symbol grains.");
        _duplicates = meter.CreateCounter<long>("pricing.ingest.ticks.duplicate", "{tick}", "Ticks skipped because their offset was already applied.");
        _rejected = meter.CreateCounter<long>("pricing.ingest.messages.rejected", "{message}", "Malformed or invalid input messages sent to the dead-letter topic.");
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
