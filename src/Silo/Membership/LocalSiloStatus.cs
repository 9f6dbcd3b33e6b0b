using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo.Cluster;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Membership;

/// <summary>This silo's status: identity, partitions, activations and ingest figures, with the ingest rate over the last second or more.</summary>
internal sealed class LocalSiloStatus(
    SiloIdentity silo,
    IServer server,
    ISiloPartitions partitions,
    IGrainManagement grains,
    IngestMetrics metrics,
    IngestStatus ingest,
    TimeProvider time)
{
    private readonly Lock _gate = new();
    private (long Timestamp, long Applied) _previous = (time.GetTimestamp(), 0);
    private double _rate;

    public SiloStatus Snapshot()
    {
        var current = ingest.Current;
        return new SiloStatus(
            silo.Id,
            silo.AdvertisedAddress ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? string.Empty,
            silo.StartedAt,
            time.GetUtcNow(),
            partitions.Owned,
            grains.ActivationCount,
            metrics.AppliedTotal,
            Rate(),
            ingest.ConsumerLag,
            metrics.RejectedTotal,
            current.State.ToString(),
            current.Detail);
    }

    private double Rate()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(_previous.Timestamp, now).TotalSeconds;
            if (elapsed >= 1)
            {
                var applied = metrics.AppliedTotal;
                _rate = Math.Round((applied - _previous.Applied) / elapsed, 1);
                _previous = (now, applied);
            }

            return _rate;
        }
    }
}
