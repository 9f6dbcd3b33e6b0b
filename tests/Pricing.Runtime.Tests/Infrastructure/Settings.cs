namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>Runtime settings used by several tests (keys relative to Pricing:Runtime).</summary>
internal static class Settings
{
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(10);

    /// <summary>Collection every 10 s of activations idle for 1 min, on the manual clock.</summary>
    public static IReadOnlyDictionary<string, string?> IdleCollection { get; } = new Dictionary<string, string?>
    {
        ["CollectionAge"] = "00:01:00",
        ["CollectionQuantum"] = "00:00:10",
    };
}
