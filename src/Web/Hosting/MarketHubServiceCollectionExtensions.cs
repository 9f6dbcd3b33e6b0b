using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Web.Hubs;

namespace Pricing.Web.Hosting;

/// <summary>Registration of the market hub.</summary>
public static class MarketHubServiceCollectionExtensions
{
    /// <summary>
    /// Adds SignalR (JSON protocol with the service's conventions), the per-connection conflating
    /// outboxes and the relays from <see cref="IMarketUpdates"/> and <see cref="IMarketSummaryFeed"/>
    /// (which the host provides, with <see cref="IMarketQueries"/>). Options come from
    /// <c>Pricing:Hub</c> (<see cref="MarketHubOptions"/>) and are validated at start-up.
    /// </summary>
    public static IServiceCollection AddMarketHub(this IServiceCollection services)
    {
        services.AddOptions<MarketHubOptions>()
            .BindConfiguration(MarketHubOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarketHubOptions>, MarketHubOptionsValidator>());
        services.AddSignalR(options => options.AddFilter<HubCallLogging>())
            .AddJsonProtocol(options => MarketJson.Configure(options.PayloadSerializerOptions));
        services.AddLogging(logging => logging.AddFilter(HubCallLogging.DispatcherCategory, LogLevel.Critical));
        services.AddOptions<HubOptions<MarketHub>>()
            .Configure<IOptions<MarketHubOptions>>((hub, market) => hub.MaximumReceiveMessageSize = market.Value.MaximumReceiveMessageSize);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MarketHubMetrics>();
        services.TryAddSingleton<IClientSender, HubClientSender>();
        services.TryAddSingleton<OutboxRegistry>();
        services.TryAddSingleton<MarketSubscriptions>();
        services.AddHostedService<QuoteRelay>();
        services.AddHostedService<SummaryRelay>();
        return services;
    }
}
