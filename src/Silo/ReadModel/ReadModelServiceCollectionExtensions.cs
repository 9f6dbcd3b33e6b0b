using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricing.Grains;
using Pricing.Silo.ReadModel;

namespace Pricing.Silo;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>Adds the quote bus, the last-value cache, the market summary and the queries the API and hub use.</summary>
    public static IServiceCollection AddMarketReadModel(this IServiceCollection services)
    {
        services.AddOptions<MarketSummaryOptions>()
            .BindConfiguration(MarketSummaryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<InProcessMarketUpdates>();
        services.AddSingleton<IMarketUpdates>(sp => sp.GetRequiredService<InProcessMarketUpdates>());
        services.AddSingleton<LastValueCache>();
        services.AddHostedService<ReadModelSubscriptions>();
        services.AddSingleton<MarketSummaryService>();
        services.AddSingleton<IMarketSummaryFeed>(sp => sp.GetRequiredService<MarketSummaryService>());
        services.AddHostedService(sp => sp.GetRequiredService<MarketSummaryService>());
        services.AddSingleton<IMarketQueries, MarketQueries>();
        services.TryAddSingleton<ISymbolLocality, AllSymbolsLocal>();
        return services;
    }
}
