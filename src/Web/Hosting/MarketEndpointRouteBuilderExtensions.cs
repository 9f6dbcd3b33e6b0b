using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Pricing.Web.Hubs;

namespace Pricing.Web.Hosting;

/// <summary>Mapping of the hub and the dashboard (the API is mapped by <c>MarketApi.MapMarketApi</c>).</summary>
public static class MarketEndpointRouteBuilderExtensions
{
    /// <summary>Maps the market hub at <c>/hubs/market</c> (all transports; JSON protocol).</summary>
    public static HubEndpointConventionBuilder MapMarketHub(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<MarketHub>(MarketHubMethods.Path, options => options.Transports = HttpTransports.All);

    /// <summary>
    /// Serves the dashboard (embedded in this assembly) at the root: <c>/</c> is
    /// <c>index.html</c>. Only the dashboard's own files are mapped, so nothing else is shadowed.
    /// </summary>
    public static IEndpointConventionBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var files = DashboardFiles.Load(typeof(MarketEndpointRouteBuilderExtensions).Assembly);
        var group = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        foreach (var file in files.All)
        {
            group.MapGet(file.Path, file.Serve).WithDisplayName($"Dashboard {file.Path}");
            if (file.Path == "/index.html")
            {
                group.MapGet("/", file.Serve).WithDisplayName("Dashboard /");
            }
        }

        return group;
    }
}
