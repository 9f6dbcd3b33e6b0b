using Pricing.Grains;
using Pricing.Silo.Embedded;
using Pricing.Simulator;

namespace Pricing.Silo;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>
    /// Embedded mode: the simulator feeds the ingest in-process (<c>Pricing:Simulator</c>,
    /// <c>Pricing:Embedded</c>), and symbol state and history live in memory.
    /// </summary>
    public static IServiceCollection AddEmbeddedMode(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EmbeddedFeedOptions>()
            .BindConfiguration(EmbeddedFeedOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSymbolMemoryStorage();
        services.AddHostedService<EmbeddedTickFeed>();
        return services;
    }
}
