using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Hub;

/// <summary>One server for the hub tests; each test uses symbols of its own.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const int MaxSymbolsPerCall = 50;
    public const int MaxSymbolsPerConnection = 60;
    public static readonly TimeSpan QuoteInterval = TimeSpan.FromMilliseconds(50);

    private WebTestServer? _server;

    internal WebTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    internal InMemoryMarket Market => Server.Market;

    public async Task InitializeAsync() => _server = await WebTestServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Pricing:Hub:QuoteInterval"] = QuoteInterval.ToString(),
        ["Pricing:Hub:MaxSymbolsPerCall"] = MaxSymbolsPerCall.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pricing:Hub:MaxSymbolsPerConnection"] = MaxSymbolsPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
