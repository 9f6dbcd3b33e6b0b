using Confluent.Kafka;

namespace Pricing.Simulator.Cli.Kafka;

/// <summary>
/// Producer settings that keep each symbol's ticks in order and make every loss visible, tuned
/// for throughput of small messages. <c>--setting</c> values are applied last and win.
/// </summary>
internal static class TickProducerConfig
{
    public static ProducerConfig Create(string bootstrapServers, string partitioner, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            // Kafka 0.9 has no idempotent producer; ordering comes from one request in flight.
            EnableIdempotence = false,
            // With more than one request in flight a retried batch can overtake the next one and
            // reorder a symbol's ticks; one in flight keeps partition order = produce order.
            MaxInFlight = 1,
            Acks = Acks.All,
            LingerMs = 5,
            BatchNumMessages = 100_000,
            QueueBufferingMaxMessages = 500_000,
            // Fail within a minute instead of librdkafka's five: a test waiting on a dead broker should say so.
            MessageTimeoutMs = 60_000,
            // Delivery reports are served by this process's produce loop (Poll/Flush) rather than by a
            // background thread: one thread fewer on a 2-core machine, and no locks on the counters.
            EnableBackgroundPoll = false,
            EnableDeliveryReports = true,
            // Reports carry partition, offset and error regardless; copying key and value back is waste.
            DeliveryReportFields = "none",
        };

        // Set by name so any librdkafka partitioner works; murmur2_random is Java's key hashing,
        // so Java and librdkafka clients put a symbol in the same partition.
        config.Set("partitioner", partitioner);
        foreach (var (key, value) in overrides)
            config.Set(key, value);

        return config;
    }
}
