using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pricing.Silo.Hosting;

namespace Pricing.Silo.Cluster;

/// <summary>This silo's name in the cluster, the address it advertises (if configured) and when its process started (uptime counts from there, not from first use of this service).</summary>
public sealed class SiloIdentity(IOptions<SiloOptions> options)
{
    public string Id { get; } = options.Value.SiloId;

    /// <summary>The configured address to show in the cluster view; null means the server's own first address.</summary>
    public string? AdvertisedAddress { get; } = options.Value.AdvertisedAddress;

    public DateTimeOffset StartedAt { get; } = ProcessStart();

    private static DateTimeOffset ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
