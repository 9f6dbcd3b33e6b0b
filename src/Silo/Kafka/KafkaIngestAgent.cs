using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Pricing.Kafka;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Kafka;

/// <summary>
/// The pulling agent: one Kafka consumer per silo in the service's group. The consume loop (its
/// own thread: Consume blocks and the rebalance callbacks run inside it) reads, parses and hands
/// ticks to the symbol grains; malformed messages go to the dead-letter topic. The partition
/// manager claims partitions in PostgreSQL, checkpoints them at an interval and hands them over.
/// </summary>
internal sealed partial class KafkaIngestAgent(
    IOptions<KafkaOptions> options,
    PartitionManager partitions,
    TickDispatcher dispatcher,
    DeadLetterWriterFactory deadLetters,
    IngestStatus status,
    IngestMetrics metrics,
    SiloIdentity silo,
    TimeProvider time,
    ILogger<KafkaIngestAgent> logger) : BackgroundService
{
    private readonly KafkaOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LibrdkafkaLoader.EnsureLoaded();
        var checkpoints = Task.Run(() => partitions.CheckpointLoopAsync(stoppingToken), CancellationToken.None);
        await Task.Factory.StartNew(() => Consume(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await checkpoints;
    }

    private void Consume(CancellationToken stopping)
    {
        using var deadLetterWriter = deadLetters.Create();
        var loop = new KafkaConsumeLoop(_options, partitions, dispatcher, deadLetterWriter, status, metrics, time, logger);
        var rebalance = new RebalanceHandler(partitions, loop, stopping);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientSettings.Consumer(_options, silo.Id))
            .SetPartitionsAssignedHandler((_, assigned) => rebalance.OnAssigned(assigned))
            .SetPartitionsRevokedHandler((_, revoked) => rebalance.OnRevoked(revoked))
            .SetPartitionsLostHandler((_, lost) => rebalance.OnLost(lost))
            .SetErrorHandler((_, error) => LogKafkaError(error.Code, error.Reason, error.IsFatal))
            .SetLogHandler((_, message) => LogKafkaClient(message.Level.ToString(), message.Facility, message.Message))
            .Build();
        consumer.Subscribe(_options.Topic);
        status.Set(IngestState.Starting, $"joining consumer group {_options.GroupId} on {_options.Topic}");
        loop.Run(consumer, stopping);

        // SIGTERM: what was applied is written and committed, then the group is left (the revoke hands partitions over).
        status.Set(IngestState.Stopped, "the silo is stopping");
        try
        {
            partitions.CheckpointOwnedAsync(CancellationToken.None).GetAwaiter().GetResult();
            loop.CommitFinal(consumer);
            consumer.Close();
            LogLeftGroup(_options.GroupId, metrics.Profile.ToString());
        }
        catch (Exception ex)
        {
            // Nothing is lost: the next owner replays from the last checkpoint.
            LogStopFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Left consumer group {GroupId}; ingest profile: {Profile}")]
    private partial void LogLeftGroup(string groupId, string profile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping the Kafka ingest cleanly failed")]
    private partial void LogStopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason} (fatal: {IsFatal})")]
    private partial void LogKafkaError(ErrorCode code, string reason, bool isFatal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Level} {Facility}: {Message}")]
    private partial void LogKafkaClient(string level, string facility, string message);
}
