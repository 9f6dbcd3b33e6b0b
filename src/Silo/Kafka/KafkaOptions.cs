using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Pricing.Silo.Kafka;

/// <summary>Kafka ingest settings, bound from <c>Pricing:Kafka</c>.</summary>
public sealed partial class KafkaOptions : IValidatableObject
{
    public const string SectionName = "Pricing:Kafka";

    /// <summary>Comma-separated host:port list.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Pricing:Kafka:BootstrapServers is required in cluster mode.")]
    public string BootstrapServers { get; set; } = string.Empty;

    public string Topic { get; set; } = "ticks";

    /// <summary>Where malformed or invalid messages go, with the reason and their original position.</summary>
    public string DeadLetterTopic { get; set; } = "ticks.dlq";

    /// <summary>The consumer group all silos of one service share.</summary>
    public string GroupId { get; set; } = "pricing";

    /// <summary>
    /// librdkafka settings passed through as they are (e.g. <c>session.timeout.ms</c>,
    /// <c>partition.assignment.strategy</c>, or the settings an old broker needs). The agent's own
    /// settings win over these: manual commits and offset storage.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>At most this many messages are handed to the grains as one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>How long to wait for more messages to fill a batch once one has arrived.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often each partition's changed grains are written and its checkpoint advanced (and Kafka offsets committed).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When checkpoints have failed for this long (database down), intake pauses until one succeeds, bounding unwritten work.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxCheckpointLag { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failure; doubled up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Topic), Topic), (nameof(DeadLetterTopic), DeadLetterTopic), (nameof(GroupId), GroupId) })
        {
            if (string.IsNullOrWhiteSpace(value) || !TopicName().IsMatch(value))
            {
                yield return new ValidationResult($"Pricing:Kafka:{name} '{value}' must be 1-249 characters of letters, digits, '.', '_' and '-'.", [name]);
            }
        }

        if (Topic == DeadLetterTopic)
        {
            yield return new ValidationResult("Pricing:Kafka:DeadLetterTopic must differ from Topic.", [nameof(DeadLetterTopic)]);
        }

        if (MaxRetryBackoff < RetryBackoff)
        {
            yield return new ValidationResult("Pricing:Kafka:MaxRetryBackoff must be at least RetryBackoff.", [nameof(MaxRetryBackoff)]);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
