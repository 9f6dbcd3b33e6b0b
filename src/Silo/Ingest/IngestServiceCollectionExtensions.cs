using Pricing.Silo.Health;
using Pricing.Silo.Ingest;

namespace Pricing.Silo;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Adds the dispatcher that hands tick batches to symbol grains (<c>Pricing:Ingest</c>), its metrics and its readiness check.</summary>
    public static IServiceCollection AddTickIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<IngestStatus>();
        services.AddTransient<TickDispatcher>();
        services.AddHealthChecks().AddCheck<IngestHealthCheck>("ingest", tags: [HealthEndpointExtensions.ReadyTag]);
        return services;
    }
}
