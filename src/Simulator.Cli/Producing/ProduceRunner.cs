using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Confluent.Kafka;
using Pricing.Simulator.Cli.Expected;
using Pricing.Kafka;
using Pricing.Simulator.Cli.Kafka;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// One <c>produce</c> run: builds the simulator, the tick source and the producer, runs the loop
/// with progress on stderr, flushes, checks every delivery, writes the expected results (only
/// when every message was delivered) and prints the JSON summary on stdout.
/// </summary>
internal sealed class ProduceRunner(ProduceSettings settings, TextWriter output, TextWriter error, TimeProvider timeProvider)
{
    // Beyond librdkafka's own message timeout, how long the final flush may take.
    private static readonly TimeSpan FlushGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    private readonly TextWriter _error = TextWriter.Synchronized(error);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            LibrdkafkaLoader.EnsureLoaded();
            return await ProduceAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KafkaException)
        {
            // Set-up problems (no librdkafka, a bad --setting): one clear line, not a stack trace.
            _error.WriteLine($"pricing-sim: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> ProduceAsync(CancellationToken cancellationToken)
    {
        var seed = settings.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var start = (settings.Start ?? timeProvider.GetUtcNow()).ToUniversalTime();
        var simulator = CreateSimulator(seed);
        var plan = new BadMessagePlan(seed, settings.Count, settings.BadMessages);
        var expected = settings.ExpectedPath is null ? null : new ExpectedResultsBuilder();
        var tracker = new DeliveryTracker();
        var config = TickProducerConfig.Create(settings.BootstrapServers, settings.Partitioner, settings.KafkaSettings);

        _error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pricing-sim: {Describe(settings.Count)} ticks + {settings.BadMessages} malformed, {settings.Symbols.Count} symbols, to '{settings.Topic}' at {settings.BootstrapServers}; seed {seed}, event time from {start.UtcDateTime:O}"));

        using var producer = new ProducerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, e) => _error.WriteLine($"pricing-sim: kafka {(e.IsFatal ? "fatal " : string.Empty)}error: {e.Reason}"))
            .SetLogHandler((_, m) => _error.WriteLine($"pricing-sim: librdkafka {m.Level}: {m.Facility} {m.Message}"))
            .Build();
        using var encoder = new TickEncoder(CreateSource(simulator, start), settings.Symbols, start, plan, tracker, expected);
        var sender = new BatchProducer(producer, settings.Topic, tracker);
        // A few batches of look-ahead: enough to keep both stages busy, little memory.
        var channel = Channel.CreateBounded<EncodedBatch>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });

        var began = timeProvider.GetTimestamp();
        string? failure = null;
        using (new ProgressReporter(() => (sender.Produced, tracker.Delivered, tracker.Failed), _error, timeProvider))
        {
            using var stopEncoding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var encoding = Task.Run(() => encoder.RunAsync(channel.Writer, settings.Count, stopEncoding.Token), CancellationToken.None);
            try
            {
                // A thread of its own: the loop blocks (Poll), and the action must return a pending
                // task quickly, because System.CommandLine installs its SIGINT/SIGTERM handling only then.
                await Task.Factory.StartNew(() => sender.Run(channel.Reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            catch (KafkaException e)
            {
                failure = $"produce failed: {e.Error.Reason}";
            }
            catch (Exception e)
            {
                // From the encoder (rethrown by the producing loop): report it like a delivery failure.
                failure = $"{e.GetType().Name}: {e.Message}";
            }
            finally
            {
                // If producing failed the encoder may be waiting for room in the channel: stop it.
                await stopEncoding.CancelAsync();
                await encoding;
            }

            var unflushed = Flush(producer, config.MessageTimeoutMs ?? 300_000);
            if (unflushed > 0)
                failure ??= $"{unflushed} messages still queued after the flush timeout";
        }

        var elapsed = timeProvider.GetElapsedTime(began).TotalSeconds;
        var interrupted = cancellationToken.IsCancellationRequested;
        if (tracker.Failed > 0)
            failure ??= $"{tracker.Failed} messages not delivered; first error: {tracker.FirstError?.Reason}";
        else if (tracker.Delivered != sender.Produced)
            failure ??= $"{sender.Produced - tracker.Delivered} messages without a delivery report";

        // Only a successful run writes the expected results; a failed one need not wait for metadata.
        var partitions = failure is null ? Partitions(producer) : null;
        string? expectedPath = null;
        if (expected is not null && failure is null)
        {
            expectedPath = Path.GetFullPath(settings.ExpectedPath!);
            // Written even when interrupted: it then describes exactly what was produced.
            foreach (var bad in tracker.BadMessages)
                expected.AddBadMessage(bad);
            await ExpectedResultsFile.WriteAsync(expectedPath, expected.Build(settings.Topic, partitions, seed), CancellationToken.None);
        }

        if (failure is not null)
            _error.WriteLine($"pricing-sim: FAILED: {failure}");

        output.WriteLine(new ProduceSummary(
            settings.Topic, sender.Produced - sender.Bad, sender.Bad, sender.Produced, tracker.Delivered, tracker.Failed, elapsed, seed,
            partitions, interrupted, expectedPath, failure).ToJson());

        return failure is not null ? ExitCodes.Failure : interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private MarketSimulator CreateSimulator(int seed)
    {
        var options = new SimulatorOptions { Seed = seed };
        foreach (var symbol in settings.Symbols)
            options.Symbols.Add(symbol);
        return new MarketSimulator(options);
    }

    private ITickSource CreateSource(MarketSimulator simulator, DateTimeOffset start)
    {
        if (settings.Rate <= 0)
            return new EvenTickSource(simulator, start, settings.EventRate);

        var feed = new SimulatedFeed(simulator, new TickPacer(settings.Rate, timeProvider), new EventClock(timeProvider, settings.Speed, start));
        return new PacedTickSource(feed, timeProvider);
    }

    // Flush serves delivery reports while it waits; librdkafka fails any message older than its
    // message timeout, so waiting a little beyond that sees every message resolved.
    private static int Flush(IProducer<byte[], byte[]> producer, int messageTimeoutMs) =>
        producer.Flush(TimeSpan.FromMilliseconds(messageTimeoutMs) + FlushGrace);

    private int? Partitions(IProducer<byte[], byte[]> producer)
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
            var topic = admin.GetMetadata(settings.Topic, MetadataTimeout).Topics.FirstOrDefault(t => t.Topic == settings.Topic);
            return topic is { Error.IsError: false } ? topic.Partitions.Count : null;
        }
        catch (KafkaException e)
        {
            _error.WriteLine($"pricing-sim: could not read the partition count of '{settings.Topic}': {e.Error.Reason}");
            return null;
        }
    }

    private static string Describe(long count) => count == 0 ? "unlimited" : count.ToString("N0", CultureInfo.InvariantCulture);
}
