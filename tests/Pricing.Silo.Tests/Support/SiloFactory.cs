using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Support;

/// <summary>
/// The real silo (<c>src/Silo/Program.cs</c>: runtime, grains, embedded simulator, read model,
/// web layer) under <see cref="WebApplicationFactory{TEntryPoint}"/>, served by Kestrel on a port
/// the OS picks, so HTTP and the SignalR hub go over real sockets. Every log entry of the host is
/// kept in <see cref="Log"/>.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="overrides">Settings on top of <see cref="SiloSettings.Defaults"/>.</param>
    /// <param name="configure">Further host configuration (server transport settings, for instance); never the silo's services.</param>
    public SiloFactory(IReadOnlyDictionary<string, string?>? overrides = null, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        _settings = SiloSettings.Defaults();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Kestrel rather than the in-memory TestServer: the hub tests need real sockets. It listens
        // where the Urls setting says (port 0: the OS picks a free one).
        UseKestrel();
    }

    public CapturedLog Log { get; } = new();

    /// <summary>Where the silo listens (<c>http://127.0.0.1:port/</c>); starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>Starts the silo and waits until it is serving.</summary>
    public Task StartAsync() => Task.Run(StartServer);

    /// <summary>A hub connection to this silo over a real WebSocket, started.</summary>
    public Task<HubConnection> ConnectHubAsync(Action<IHubConnectionBuilder>? configure = null) =>
        MarketHubClient.ConnectAsync(BaseAddress, configure);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed; the factory's default would be Development.
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
        _configure?.Invoke(builder);
    }
}
