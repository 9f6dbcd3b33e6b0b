using System.ComponentModel.DataAnnotations;

namespace Pricing.Silo.Redis;

/// <summary>Redis settings, bound from <c>Pricing:Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Pricing:Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:16379</c> or <c>host:6380,password=...,ssl=true</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Pricing:Redis:Configuration is required in cluster mode.")]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Prefix of every key and channel, so several services can share one Redis.</summary>
    [RegularExpression("^[A-Za-z0-9:._-]{0,50}$", ErrorMessage = "Pricing:Redis:KeyPrefix may hold letters, digits, ':', '.', '_' and '-' (at most 50).")]
    public string KeyPrefix { get; set; } = "pricing:";

    /// <summary>Quotes of this silo's grains are coalesced per symbol and written to Redis at this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>A symbol's quote is written at most once per this interval; in between, the latest replaces older ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan SymbolInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Full statistics of changed symbols are refreshed in the last-value cache at this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often this silo renews its membership entry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo whose entry is not renewed for this long is dead and leaves the cluster view.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MemberTimeToLive { get; set; } = TimeSpan.FromSeconds(20);
}
