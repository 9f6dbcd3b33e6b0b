using Microsoft.Extensions.Options;
using Pricing.Silo.Hosting;

namespace Pricing.Silo.Cluster;

/// <summary>This silo's name in the cluster, the address it advertises (if configured) and when it started.</summary>
public sealed class SiloIdentity(IOptions<SiloOptions> options, TimeProvider time)
{
    public string Id { get; } = options.Value.SiloId;

    /// <summary>The configured address to show in the cluster view; null means the server's own first address.</summary>
    public string? AdvertisedAddress { get; } = options.Value.AdvertisedAddress;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
