using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricing.Web.Apis;
using Pricing.Web.Hosting;

namespace Pricing.Web.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) hosting the web layer the way the
/// silo does (AddMarketApi, AddMarketHub, MapMarketApi, MapMarketHub, MapDashboard) over an
/// <see cref="InMemoryMarket"/>, in the Production environment.
/// </summary>
internal sealed class WebTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebTestServer(WebApplication app, InMemoryMarket market)
    {
        _app = app;
        Market = market;
        BaseAddress = new Uri(app.Urls.Single().Replace("http://[::]", "http://127.0.0.1", StringComparison.Ordinal) + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public InMemoryMarket Market { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebTestServer> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        InMemoryMarket? market = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        market ??= new InMemoryMarket();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(market);
        builder.Services.AddSingleton<IMarketQueries>(market);
        builder.Services.AddSingleton<IMarketUpdates>(market);
        builder.Services.AddSingleton<IMarketSummaryFeed>(market);
        builder.Services.AddSingleton<IClusterView>(market);
        configure?.Invoke(builder);
        builder.Services.AddMarketApi();
        builder.Services.AddMarketHub();

        var app = builder.Build();
        app.MapMarketApi();
        app.MapMarketHub();
        app.MapDashboard();
        await app.StartAsync();
        return new WebTestServer(app, market);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
