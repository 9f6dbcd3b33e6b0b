using Confluent.Kafka;

namespace Pricing.Silo.Kafka;

/// <summary>Builds librdkafka configurations: the pass-through settings first, then what the agent relies on.</summary>
internal static class KafkaClientSettings
{
    public static ConsumerConfig Consumer(KafkaOptions options, string clientId) =>
        new(new Dictionary<string, string>(options.Settings))
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = clientId,
            // Offsets are committed by the agent, only up to what PostgreSQL holds.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // Without a checkpoint, a new partition is read from the start: nothing is skipped.
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
        };

    public static ProducerConfig Producer(KafkaOptions options, string clientId)
    {
        var settings = new Dictionary<string, string>(options.Settings);
        // Consumer-only keys would make the producer log a warning each.
        foreach (var key in settings.Keys.Where(k => k.StartsWith("session.", StringComparison.Ordinal) || k.StartsWith("partition.assignment", StringComparison.Ordinal) || k.StartsWith("heartbeat.", StringComparison.Ordinal) || k.StartsWith("max.poll", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        return new ProducerConfig(settings)
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            Acks = Acks.All,
        };
    }
}
