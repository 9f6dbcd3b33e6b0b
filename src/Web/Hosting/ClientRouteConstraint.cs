using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pricing.Web.Hosting;

/// <summary>
/// Matches the client app's own paths (<c>/symbols/AAPL</c>, <c>/cluster</c>), so a reload or a
/// shared link gets <c>index.html</c>, but never the server's: under <c>/api</c>, <c>/hubs</c>,
/// <c>/health</c> (mapped by the silo), <c>/openapi</c> and <c>/swagger</c> an unknown path keeps
/// its own 404 (problem details under <c>/api</c>).
/// </summary>
internal sealed class ClientRouteConstraint : IRouteConstraint
{
    private static readonly string[] ServerSegments = ["api", "hubs", "health", "openapi", "swagger"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (!values.TryGetValue(routeKey, out var value) || value is not string path)
        {
            return false;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? path : path[..slash];
        return !ServerSegments.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
