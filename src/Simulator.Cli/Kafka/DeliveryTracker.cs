using Confluent.Kafka;
using Pricing.Simulator.Cli.Expected;
using Pricing.Simulator.Cli.Messages;

namespace Pricing.Simulator.Cli.Kafka;

/// <summary>
/// Counts delivery reports and records where the malformed messages landed. Reports arrive on the
/// thread that polls the producer; the counters are also read by the progress timer, hence the
/// volatile accesses.
/// </summary>
internal sealed class DeliveryTracker
{
    private readonly List<ExpectedBadMessage> _badMessages = [];
    private long _delivered;
    private long _failed;

    public DeliveryTracker() => Handler = report => Record(report);

    /// <summary>The shared handler of every good message (one delegate, not one per message).</summary>
    public Action<DeliveryReport<byte[], byte[]>> Handler { get; }

    public long Delivered => Volatile.Read(ref _delivered);

    public long Failed => Volatile.Read(ref _failed);

    /// <summary>The first delivery error, to show why a run failed.</summary>
    public Error? FirstError { get; private set; }

    /// <summary>Malformed messages delivered so far, with their partition and offset. Read it once the producer is flushed.</summary>
    public IReadOnlyList<ExpectedBadMessage> BadMessages => _badMessages;

    /// <summary>A handler for one malformed message that also records where it landed.</summary>
    public Action<DeliveryReport<byte[], byte[]>> HandlerFor(BadMessage bad) => report =>
    {
        if (Record(report))
        {
            _badMessages.Add(new ExpectedBadMessage
            {
                Partition = report.Partition.Value,
                Offset = report.Offset.Value,
                Key = bad.Key,
                Kind = bad.Kind.ToName(),
                Reason = bad.Reason,
            });
        }
    };

    /// <summary>Counts a report; returns true if the message was delivered.</summary>
    public bool Record(DeliveryReport<byte[], byte[]> report)
    {
        if (report.Error.IsError)
        {
            FirstError ??= report.Error;
            Volatile.Write(ref _failed, _failed + 1);
            return false;
        }

        Volatile.Write(ref _delivered, _delivered + 1);
        return true;
    }
}
