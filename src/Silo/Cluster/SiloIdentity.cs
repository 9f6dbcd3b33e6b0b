using Microsoft.Extensions.Options;
using Pricing.Silo.Hosting;

namespace Pricing.Silo.Cluster;

/// <summary>This silo's name in the cluster and when it started.</summary>
public sealed class SiloIdentity(IOptions<SiloOptions> options, TimeProvider time)
{
    public string Id { get; } = options.Value.SiloId;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}
