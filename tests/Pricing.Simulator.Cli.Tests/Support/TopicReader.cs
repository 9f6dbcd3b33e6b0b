using Confluent.Kafka;
using Pricing.Kafka;
using Pricing.Simulator.Cli.Kafka;

namespace Pricing.Simulator.Cli.Tests.Support;

/// <summary>Reads a whole topic, every partition from its first offset to the end it had when reading began.</summary>
internal static class TopicReader
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    public static List<ConsumedMessage> ReadAll(string bootstrapServers, string topic, int partitions, TimeSpan timeout)
    {
        LibrdkafkaLoader.EnsureLoaded();
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"sim-test-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            // The 0.9 broker refuses session timeouts above 30 s; librdkafka's default is 45 s.
            SessionTimeoutMs = 10_000,
        };
        foreach (var (key, value) in LocalKafka.BrokerSettings)
            config.Set(key, value);

        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        var ends = new long[partitions];
        for (var p = 0; p < partitions; p++)
            ends[p] = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), MetadataTimeout).High.Value;

        // Assigned rather than subscribed: the test owns the topic, and assignment needs no group
        // join (3-7 s on this broker) and no rebalance.
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var next = new long[partitions];
        var messages = new List<ConsumedMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (Enumerable.Range(0, partitions).Any(p => next[p] < ends[p]))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Read {messages.Count} messages of {ends.Sum()} from {topic} within {timeout}.");

            var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (result is null || result.IsPartitionEOF)
                continue;

            messages.Add(new ConsumedMessage(result.Partition.Value, result.Offset.Value, result.Message.Key, result.Message.Value));
            next[result.Partition.Value] = result.Offset.Value + 1;
        }

        consumer.Close();
        return messages;
    }
}
