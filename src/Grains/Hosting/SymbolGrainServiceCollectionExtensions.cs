using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricing.Grains.Storage;
using Pricing.Grains.Symbol;
using Pricing.Runtime;

namespace Pricing.Grains;

/// <summary>Registration of the symbol grain and its embedded-mode storage.</summary>
public static class SymbolGrainServiceCollectionExtensions
{
    /// <summary>Adds the symbol grain with analytics and persistence options from <c>Pricing:Analytics</c> and <c>Pricing:SymbolGrain</c>.</summary>
    public static IServiceCollection AddSymbolGrains(this IServiceCollection services)
    {
        services.AddOptions<SymbolAnalyticsOptions>()
            .BindConfiguration(SymbolAnalyticsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SymbolGrainOptions>()
            .BindConfiguration(SymbolGrainOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddGrain<ISymbolGrain, SymbolGrain>();
        services.AddSymbolGrainReferences();
        services.TryAddSingleton<IGrainStateCodec<SymbolState>, SymbolStateCodec>();
        return services;
    }

    /// <summary>Embedded mode: symbol state and history in memory (<c>Pricing:MemoryHistory</c> bounds the history).</summary>
    public static IServiceCollection AddSymbolMemoryStorage(this IServiceCollection services)
    {
        services.AddOptions<MemoryHistoryOptions>()
            .BindConfiguration(MemoryHistoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<MemorySymbolHistoryStore>();
        services.TryAddSingleton<ISymbolHistoryStore>(sp => sp.GetRequiredService<MemorySymbolHistoryStore>());
        services.AddKeyedSingleton<IGrainStorage>(SymbolGrain.StorageName, (sp, _) => new SymbolMemoryStorage(
            ActivatorUtilities.CreateInstance<MemoryGrainStorage>(sp),
            sp.GetRequiredService<MemorySymbolHistoryStore>()));
        return services;
    }
}
