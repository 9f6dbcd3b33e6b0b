using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.Embedded;

/// <summary>The embedded mode's in-memory input log, bound from <c>Pricing:Embedded</c>.</summary>
public sealed class EmbeddedFeedOptions
{
    public const string SectionName = "Pricing:Embedded";

    /// <summary>Partitions of the in-memory log; a symbol always lands in the same one, as with Kafka keys.</summary>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 8;

    /// <summary>The feed loop wakes at most this often; ticks falling due in between go out as one batch.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);
}
