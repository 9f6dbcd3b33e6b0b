using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Pricing.Web.Hosting;

/// <summary>
/// The API's middleware, put in front of the host's pipeline so the silo's <c>Program.cs</c>
/// needs only <c>AddMarketApi</c> and <c>MapMarketApi</c>.
/// </summary>
internal sealed class MarketApiStartupFilter : IStartupFilter
{
    private static readonly PathString Api = "/api";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Scoped to /api so the dashboard and the hub keep their own behaviour. With AddProblemDetails
        // these write application/problem+json: exceptions as a bare 500 (in Development the host's
        // developer exception page, further in, shows details), body-less errors such as unknown
        // routes (404) or wrong methods (405) with the status' title.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Api), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

        // Middleware rather than an endpoint: its static files are served only where no endpoint matched.
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "Pricing API";
            options.SwaggerEndpoint("../openapi/v1.json", "Pricing API v1");
        });

        next(app);
    };
}
