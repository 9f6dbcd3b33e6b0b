using System.CommandLine;
using System.Text;
using System.Text.Json;
using Pricing.Grains;
using Pricing.Simulator.Cli.Expected;
using Pricing.Simulator.Cli.Tests.Support;

namespace Pricing.Simulator.Cli.Tests.Kafka;

/// <summary>
/// pricing-sim against the real local Kafka 0.9 broker: produce into a fresh 8-partition topic,
/// read everything back, and hold it against the contract and the expected-results file.
/// </summary>
public sealed class ProduceToKafkaTests(LocalKafka kafka) : IClassFixture<LocalKafka>
{
    private const int Partitions = 8;
    private const int Ticks = 20_000;
    private const int BadMessages = 5;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task EveryTickArrivesInOrderAndTheMalformedOnesAreWhereRecorded()
    {
        var topic = $"sim-test-{Guid.NewGuid():N}";
        var expectedPath = Path.Combine(Path.GetTempPath(), $"{topic}.json");
        await kafka.CreateTopicAsync(topic, Partitions);
        try
        {
            var (exitCode, output, error) = await RunCliAsync(
                "produce", "--bootstrap-servers", kafka.BootstrapServers, "--topic", topic,
                "--rate", "0", "--count", $"{Ticks}", "--symbols", "100", "--seed", "20261122",
                "--start", "2026-11-22T00:00:00Z", "--event-rate", "4", "--bad-messages", $"{BadMessages}",
                "--expected", expectedPath, "-X", "api.version.request=false", "-X", "broker.version.fallback=0.9.0.1");

            Assert.True(exitCode == 0, $"exit code {exitCode}\n{error}");
            using (var summary = JsonDocument.Parse(output))
            {
                Assert.Equal(Ticks + BadMessages, summary.RootElement.GetProperty("produced").GetInt64());
                Assert.Equal(Ticks + BadMessages, summary.RootElement.GetProperty("delivered").GetInt64());
                Assert.Equal(BadMessages, summary.RootElement.GetProperty("bad").GetInt64());
            }

            var expected = await ExpectedResultsFile.ReadAsync(expectedPath);
            Assert.Equal(topic, expected.Topic);
            Assert.Equal(Partitions, expected.Partitions);
            Assert.Equal(Ticks, expected.TotalTicks);
            Assert.Equal(BadMessages, expected.BadMessages.Count);
            Assert.Equal(100, expected.Symbols.Count);

            var messages = TopicReader.ReadAll(kafka.BootstrapServers, topic, Partitions, ReadTimeout)
                .OrderBy(m => m.Partition).ThenBy(m => m.Offset).ToList();
            Assert.Equal(Ticks + BadMessages, messages.Count);

            var good = new List<(ConsumedMessage Message, Tick Tick)>();
            var malformed = new List<ConsumedMessage>();
            foreach (var message in messages)
            {
                if (TickMessageContract.TryParse(message.Key, message.Value, out var tick, out _))
                    good.Add((message, tick with { Partition = message.Partition, Offset = message.Offset }));
                else
                    malformed.Add(message);
            }

            // The malformed messages are exactly the recorded ones, at the recorded positions.
            Assert.Equal(
                expected.BadMessages.Select(b => (b.Partition, b.Offset, b.Key)),
                malformed.Select(m => (m.Partition, m.Offset, Encoding.UTF8.GetString(m.Key!))));

            // Every good message's key is its symbol (the contract check already demands it).
            Assert.All(good, g => Assert.Equal(g.Tick.Symbol, Encoding.UTF8.GetString(g.Message.Key!)));

            // One symbol, one partition; the malformed messages sit in their key's partition too.
            var partitionOf = good.GroupBy(g => g.Tick.Symbol).ToDictionary(g => g.Key, g => g.Select(x => x.Message.Partition).Distinct().Single());
            Assert.All(malformed, m => Assert.Equal(partitionOf[Encoding.UTF8.GetString(m.Key!)], m.Partition));
            Assert.True(partitionOf.Values.Distinct().Count() > 1, "all symbols landed in one partition");

            // Per symbol, event time never goes back in partition order.
            foreach (var symbol in good.GroupBy(g => g.Tick.Symbol))
            {
                var times = symbol.Select(g => g.Tick.Timestamp).ToList();
                Assert.True(times.Zip(times.Skip(1)).All(p => p.First <= p.Second), $"{symbol.Key} goes back in time");
            }

            // Counts per symbol equal the file; and recomputing everything from what was consumed,
            // in partition order, gives the file's numbers digit for digit.
            Assert.Equal(
                expected.Symbols.ToDictionary(s => s.Key, s => s.Value.Count),
                good.GroupBy(g => g.Tick.Symbol).ToDictionary(g => g.Key, g => (long)g.Count()));
            var rebuilt = new ExpectedResultsBuilder();
            foreach (var (_, tick) in good)
                rebuilt.Add(tick);
            foreach (var bad in expected.BadMessages)
                rebuilt.AddBadMessage(bad);
            Assert.Equal(
                ExpectedResultsFile.Serialize(expected),
                ExpectedResultsFile.Serialize(rebuilt.Build(topic, Partitions, expected.Seed)));

            // --event-rate 4 spreads 20,000 ticks over 5,000 s from midnight: 00:00-01:23.
            Assert.Equal(6, expected.Symbols["SPY"].Candles["15m"].Count);
            Assert.Equal(2, expected.Symbols["SPY"].Candles["1h"].Count);
        }
        finally
        {
            File.Delete(expectedPath);
            await kafka.DeleteTopicAsync(topic);
        }
    }

    [Fact]
    public async Task InterruptedRunFlushesAndItsExpectedFileDescribesExactlyTheTopic()
    {
        var topic = $"sim-test-{Guid.NewGuid():N}";
        var expectedPath = Path.Combine(Path.GetTempPath(), $"{topic}.json");
        await kafka.CreateTopicAsync(topic, Partitions);
        try
        {
            // Ctrl+C arrives as a cancelled token: stop encoding, produce what was handed over, flush.
            using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            var (exitCode, output, error) = await RunCliAsync(
                interrupt.Token,
                "produce", "--bootstrap-servers", kafka.BootstrapServers, "--topic", topic, "--rate", "0",
                "--symbols", "20", "--seed", "7", "--expected", expectedPath,
                "-X", "api.version.request=false", "-X", "broker.version.fallback=0.9.0.1");

            Assert.True(exitCode == 130, $"exit code {exitCode}\n{error}");
            using var summary = JsonDocument.Parse(output);
            Assert.True(summary.RootElement.GetProperty("interrupted").GetBoolean());
            var produced = summary.RootElement.GetProperty("produced").GetInt64();
            Assert.InRange(produced, 1, 2_000_000);
            Assert.Equal(produced, summary.RootElement.GetProperty("delivered").GetInt64());

            var expected = await ExpectedResultsFile.ReadAsync(expectedPath);
            var messages = TopicReader.ReadAll(kafka.BootstrapServers, topic, Partitions, ReadTimeout);
            Assert.Equal(produced, expected.TotalTicks);
            Assert.Equal(produced, messages.Count);
            Assert.Equal(
                expected.Symbols.ToDictionary(s => s.Key, s => s.Value.Count),
                messages.GroupBy(m => Encoding.UTF8.GetString(m.Key!)).ToDictionary(g => g.Key, g => (long)g.Count()));
        }
        finally
        {
            File.Delete(expectedPath);
            await kafka.DeleteTopicAsync(topic);
        }
    }

    [Fact]
    public async Task UndeliveredMessagesFailTheRunAndWriteNoExpectedFile()
    {
        var expectedPath = Path.Combine(Path.GetTempPath(), $"sim-test-{Guid.NewGuid():N}.json");

        // Nothing listens on port 9 here; librdkafka gives up on the messages after the timeout.
        var (exitCode, output, error) = await RunCliAsync(
            "produce", "--bootstrap-servers", "127.0.0.1:9", "--topic", "nowhere", "--rate", "0", "--count", "100",
            "--expected", expectedPath, "-X", "message.timeout.ms=2000", "-X", "api.version.request=false",
            "-X", "broker.version.fallback=0.9.0.1");

        Assert.Equal(1, exitCode);
        Assert.Contains("not delivered", error, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(output);
        Assert.Equal(100, summary.RootElement.GetProperty("failed").GetInt64());
        Assert.Equal(0, summary.RootElement.GetProperty("delivered").GetInt64());
        Assert.False(File.Exists(expectedPath));
    }

    private static Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] args) =>
        RunCliAsync(CancellationToken.None, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };

        var exitCode = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(configuration, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
