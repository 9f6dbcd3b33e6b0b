using System.Text;
using Confluent.Kafka;
using Pricing.Simulator.Cli.Expected;

namespace Pricing.Integration.Tests.Support;

/// <summary>Direct Kafka access the tests need beside the CLI: reading the dead-letter topic, writing hand-made malformed messages.</summary>
internal static class KafkaTopics
{
    /// <summary>The key of every message in partition 0 of <paramref name="topic"/>, from the start to the current end.</summary>
    public static IReadOnlyList<string> ReadAllKeys(LocalServers servers, string topic, TimeSpan timeout)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(LocalServers.KafkaClientSettings))
        {
            BootstrapServers = servers.KafkaBootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        var partition = new TopicPartition(topic, 0);
        var end = consumer.QueryWatermarkOffsets(partition, timeout).High.Value;
        var keys = new List<string>();
        if (end <= 0)
        {
            return keys;
        }

        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            var result = remaining > TimeSpan.Zero ? consumer.Consume(remaining) : null;
            if (result is null)
            {
                throw new TimeoutException($"Read {keys.Count} of {end} messages of {topic} within {timeout.TotalSeconds:0} s.");
            }

            if (result.IsPartitionEOF)
            {
                if (result.Offset.Value >= end)
                {
                    return keys;
                }

                continue;
            }

            keys.Add(result.Message.Key is null ? "(no key)" : Encoding.UTF8.GetString(result.Message.Key));
            if (result.Offset.Value >= end - 1)
            {
                return keys;
            }
        }
    }

    /// <summary>The end offset (next offset to be written) of each partition of <paramref name="topic"/>.</summary>
    public static IReadOnlyList<long> EndOffsets(LocalServers servers, string topic, int partitions, TimeSpan timeout)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(LocalServers.KafkaClientSettings))
        {
            BootstrapServers = servers.KafkaBootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        return [.. Enumerable.Range(0, partitions).Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), timeout).High.Value)];
    }

    /// <summary>
    /// Malformed messages keyed by symbols that never get a good tick (the simulator's own are keyed
    /// by symbols that trade): nothing of them may appear anywhere but in the dead letters.
    /// </summary>
    public static async Task<IReadOnlyList<ExpectedBadMessage>> ProduceMalformedAsync(LocalServers servers, string topic)
    {
        (string Key, string? Value, string Kind)[] messages =
        [
            ("NOTRADE1", "this is not JSON", "not-json"),
            ("NOTRADE2", """{"symbol":"NOTRADE2","price":-1.5,"size":10,"timestamp":"2026-11-22T00:00:00Z"}""", "negative-price"),
            ("NOTRADE3", """{"symbol":"NOTRADE3","price":1.5,"size":10}""", "missing-field"),
            ("NOTRADE3", null, "tombstone"),
        ];
        var config = new ProducerConfig(new Dictionary<string, string>(LocalServers.KafkaClientSettings))
        {
            BootstrapServers = servers.KafkaBootstrapServers,
            Acks = Acks.All,
            Partitioner = Partitioner.Murmur2Random,
        };
        using var producer = new ProducerBuilder<byte[], byte[]?>(config).Build();
        var expected = new List<ExpectedBadMessage>();
        foreach (var (key, value, kind) in messages)
        {
            var delivered = await producer.ProduceAsync(topic, new Message<byte[], byte[]?>
            {
                Key = Encoding.UTF8.GetBytes(key),
                Value = value is null ? null : Encoding.UTF8.GetBytes(value),
            });
            expected.Add(new ExpectedBadMessage { Partition = delivered.Partition.Value, Offset = delivered.Offset.Value, Key = key, Kind = kind, Reason = "hand-made by the test" });
        }

        return expected;
    }
}
