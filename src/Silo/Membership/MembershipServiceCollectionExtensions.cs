using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricing.Grains;
using Pricing.Silo.Cluster;
using Pricing.Silo.Membership;

namespace Pricing.Silo;

public static class MembershipServiceCollectionExtensions
{
    /// <summary>This silo's status and the cluster view (this silo alone unless cluster mode puts Redis membership in its place).</summary>
    public static IServiceCollection AddSiloMembership(this IServiceCollection services)
    {
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton<LocalSiloStatus>();
        services.TryAddSingleton<ISiloPartitions, EmbeddedPartitions>();
        services.TryAddSingleton<IClusterView, LocalClusterView>();
        return services;
    }
}
