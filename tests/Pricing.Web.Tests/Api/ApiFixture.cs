using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Api;

/// <summary>One server for the API tests, with a market they only read.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset NewestMinute = new(2026, 11, 20, 15, 59, 0, TimeSpan.Zero);

    private WebTestServer? _server;

    internal WebTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http => Server.Http;

    public async Task InitializeAsync()
    {
        var market = new InMemoryMarket();
        market.Add(
            TestData.Quote("AAPL", 42, price: 187.25m),
            candles: [.. TestData.Candles("AAPL", CandleInterval.OneMinute, NewestMinute, 250), .. TestData.Candles("AAPL", CandleInterval.FiveMinutes, NewestMinute.AddMinutes(-4), 10)],
            trades: TestData.Trades("AAPL", 250));
        market.Add(TestData.Quote("BRK.B", 7, price: 410m));
        market.Add(TestData.Quote("MSFT", 9, price: 402.5m));
        market.PublishSummary(TestData.Summary(TestData.Epoch, symbols: 3));
        _server = await WebTestServer.StartAsync(market: market);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
