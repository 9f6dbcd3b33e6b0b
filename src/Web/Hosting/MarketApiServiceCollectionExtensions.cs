using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricing.Web.Apis;

namespace Pricing.Web.Hosting;

/// <summary>Registration of the REST API.</summary>
public static class MarketApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapMarketApi</c> needs: problem details (RFC 9457) for every error under
    /// <c>/api</c>, including unhandled exceptions (500, no internals) and unknown routes (404);
    /// the service's JSON conventions; the OpenAPI document; Swagger UI at <c>/swagger</c>.
    /// The host provides <see cref="IMarketQueries"/>.
    /// </summary>
    public static IServiceCollection AddMarketApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
        services.ConfigureHttpJsonOptions(options => MarketJson.Configure(options.SerializerOptions));
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Pricing API";
                document.Info.Version = "v1";
                document.Info.Description = "Real-time market prices: quotes, statistics, candles, trades and the market summary. " +
                    "Live updates are on the SignalR hub at /hubs/market.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<QueryParameterSchemaTransformer>();
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, MarketApiStartupFilter>());
        return services;
    }
}
