using System.Diagnostics;
using Confluent.Kafka;
using Pricing.Kafka;

namespace Pricing.IngestBench;

/// <summary>
/// The baseline: a Confluent.Kafka consumer in a fresh group that reads the topic from the start
/// and only counts messages, with the same client settings as the silo.
/// </summary>
internal static class BareConsumerLoop
{
    public static Task<int> RunAsync(Arguments args)
    {
        LibrdkafkaLoader.EnsureLoaded();
        var count = args.GetLong("count");
        var settings = args.All("setting").Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var config = new ConsumerConfig(settings)
        {
            BootstrapServers = args.Get("bootstrap", "127.0.0.1:19092"),
            GroupId = "bare-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(args.Get("topic"));
        long seen = 0;
        var clock = new Stopwatch();
        while (seen < count)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException($"only {seen} of {count} messages arrived");
            if (seen++ == 0)
            {
                // Timed from the first message, so group join and assignment are not counted.
                clock.Start();
            }

            _ = result.Message.Value.Length;
        }

        clock.Stop();
        consumer.Close();
        Console.WriteLine($"{{\"messages\":{seen},\"seconds\":{clock.Elapsed.TotalSeconds:0.000},\"perSecond\":{seen / clock.Elapsed.TotalSeconds:0}}}");
        return Task.FromResult(0);
    }
}
