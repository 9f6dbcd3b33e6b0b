using Pricing.Grains;

namespace Pricing.Silo.Membership;

/// <summary>Embedded mode: the cluster is this one silo.</summary>
internal sealed class LocalClusterView(LocalSiloStatus local, TimeProvider time) : IClusterView
{
    public ValueTask<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClusterStatus(time.GetUtcNow(), "Embedded", [local.Snapshot()]));
}
