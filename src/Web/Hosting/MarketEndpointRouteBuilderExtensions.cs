using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Pricing.Web.Hubs;

namespace Pricing.Web.Hosting;

/// <summary>Mapping of the hub and the dashboard (the API is mapped by <c>MarketApi.MapMarketApi</c>).</summary>
public static class MarketEndpointRouteBuilderExtensions
{
    /// <summary>Maps the market hub at <c>/hubs/market</c> (all transports; JSON protocol).</summary>
    public static HubEndpointConventionBuilder MapMarketHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<MarketHub>(MarketHubMethods.Path, options => options.Transports = HttpTransports.All);

    /// <summary>
    /// Serves the dashboard (embedded in this assembly) at the root: one endpoint per file, <c>/</c>
    /// for <c>index.html</c>, and <c>index.html</c> for the client app's routes (any other path
    /// without a file extension outside <c>/api</c>, <c>/hubs</c>, <c>/health</c>, <c>/openapi</c>
    /// and <c>/swagger</c>), with the lowest priority so that no server endpoint is shadowed.
    /// </summary>
    public static IEndpointConventionBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var files = DashboardFiles.Load(typeof(MarketEndpointRouteBuilderExtensions).Assembly);
        var group = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        foreach (var file in files.All)
        {
            group.MapGet(file.Path, file.Serve).WithDisplayName($"Dashboard {file.Path}");
        }

        if (files.Index is { } index)
        {
            group.MapGet("/", index.Serve).WithDisplayName("Dashboard /");
            var clientRoutes = RoutePatternFactory.Parse(
                "{**path:nonfile}",
                defaults: null,
                parameterPolicies: new RouteValueDictionary { ["path"] = new ClientRouteConstraint() });
            group.Map(clientRoutes, index.Serve)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
                .WithDisplayName("Dashboard client routes")
                .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        }

        return group;
    }
}
