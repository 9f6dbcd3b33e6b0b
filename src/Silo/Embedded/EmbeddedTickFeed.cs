using Microsoft.Extensions.Options;
using Pricing.Grains;
using Pricing.Silo.Ingest;
using Pricing.Simulator;

namespace Pricing.Silo.Embedded;

/// <summary>
/// The embedded mode's input loop: the market simulator, paced to its configured rate, feeds
/// the same dispatcher the Kafka agent uses, through an in-memory log that assigns partitions
/// and offsets.
/// </summary>
internal sealed partial class EmbeddedTickFeed(
    IOptions<SimulatorOptions> simulatorOptions,
    IOptions<EmbeddedFeedOptions> feedOptions,
    TickDispatcher dispatcher,
    IngestStatus status,
    TimeProvider time,
    ILogger<EmbeddedTickFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (Kestrel listening) before the first batch.
        await Task.Yield();
        var feed = new SimulatedFeed(simulatorOptions.Value, time);
        var log = new InMemoryTickLog(feedOptions.Value.Partitions);
        var buffer = new Tick[feed.Pacer.MaxBurst];
        var pollInterval = feedOptions.Value.PollInterval;
        LogStarted(feed.Simulator.Profiles.Count, feed.Pacer.TicksPerSecond, feed.Simulator.Seed);
        status.Set(IngestState.Running, $"simulator: {feed.Simulator.Profiles.Count} symbols at {feed.Pacer.TicksPerSecond}/s");

        while (!stoppingToken.IsCancellationRequested)
        {
            var count = feed.Poll(buffer);
            if (count > 0)
            {
                log.AssignPositions(buffer.AsSpan(0, count));
                try
                {
                    await dispatcher.DispatchAsync(buffer.AsMemory(0, count), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A simulated batch is not worth stopping the demo for; the next one follows.
                    LogBatchFailed(ex, count);
                }
            }

            var wait = feed.Pacer.TimeUntilNext();
            try
            {
                await Task.Delay(wait < pollInterval ? pollInterval : wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        status.Set(IngestState.Stopped, "the silo is stopping");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded feed: {Symbols} simulated symbols at {Rate} ticks/s (seed {Seed})")]
    private partial void LogStarted(int symbols, double rate, int seed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying a simulated batch of {Count} ticks failed")]
    private partial void LogBatchFailed(Exception exception, int count);
}
