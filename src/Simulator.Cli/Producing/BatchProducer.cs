using System.Threading.Channels;
using Confluent.Kafka;
using Pricing.Simulator.Cli.Kafka;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Second stage of a run: hands every encoded message to librdkafka with its delivery handler
/// and serves delivery reports (Poll) on the same thread, so the counters need no locks.
/// </summary>
internal sealed class BatchProducer(IProducer<byte[], byte[]> producer, string topic, DeliveryTracker tracker)
{
    // Delivery reports are served every this many messages, so their queue stays short.
    private const int PollInterval = 1024;

    // With nothing to send, wait this long for delivery reports before looking for a batch again.
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(5);

    // When librdkafka's queue is full, wait this long for deliveries before trying again.
    private static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(5);

    private long _produced;

    /// <summary>Messages handed to librdkafka so far, malformed ones included.</summary>
    public long Produced => Volatile.Read(ref _produced);

    /// <summary>Malformed messages handed to librdkafka so far.</summary>
    public long Bad { get; private set; }

    /// <summary>
    /// Produces every batch until <paramref name="input"/> completes, then rethrows the encoder's
    /// failure, if any. Blocks the calling thread throughout: give it a thread of its own.
    /// </summary>
    public void Run(ChannelReader<EncodedBatch> input)
    {
        while (true)
        {
            while (input.TryRead(out var batch))
                Produce(batch);

            if (input.Completion.IsCompleted)
                break;

            // Nothing to send: serve delivery reports meanwhile; Poll returns early when some arrive.
            producer.Poll(IdleWait);
        }

        input.Completion.GetAwaiter().GetResult();
    }

    private void Produce(EncodedBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Produce(batch.Message(i), batch.Handler(i) ?? tracker.Handler);
            if (Volatile.Read(ref _produced) % PollInterval == 0)
                producer.Poll(TimeSpan.Zero);
        }

        Bad += batch.BadCount;
    }

    private void Produce(Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, handler);
                Volatile.Write(ref _produced, _produced + 1);
                return;
            }
            catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: serve delivery reports (which frees queue space) and retry.
                producer.Poll(QueueFullWait);
            }
        }
    }
}
