using System.Globalization;
using System.Net;
using System.Text.Json;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Api;

public sealed class MarketApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task SymbolsListsEverySymbolOrderedBySymbol()
    {
        var symbols = await (await _http.GetAsync("api/v1/symbols")).ReadJsonAsync<SymbolSummary[]>();

        Assert.Equal(["AAPL", "BRK.B", "MSFT"], symbols.Select(s => s.Symbol));
        Assert.Equal(187.25m, symbols[0].Price);
        Assert.Equal(42, symbols[0].Sequence);
    }

    [Fact]
    public async Task QuoteOfLowerCaseSymbolIsTheNormalisedSymbolsQuote()
    {
        var quote = await (await _http.GetAsync("api/v1/quotes/aapl")).ReadJsonAsync<Quote>();

        Assert.Equal(TestData.Quote("AAPL", 42, price: 187.25m), quote);
    }

    [Fact]
    public async Task JsonIsCamelCaseWithIsoTimestamps()
    {
        var json = await _http.GetStringAsync("api/v1/quotes/MSFT");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("MSFT", root.GetProperty("symbol").GetString());
        Assert.Equal(9, root.GetProperty("sequence").GetInt64());
        Assert.Equal("2026-11-20T09:30:00.009+00:00", root.GetProperty("timestamp").GetString());
        Assert.True(root.TryGetProperty("changePercent24h", out _));
    }

    [Theory]
    [InlineData("api/v1/quotes/AA$PL")]
    [InlineData("api/v1/quotes/.AAPL")]
    [InlineData("api/v1/quotes/ABCDEFGHIJKLMNOPQ")]
    [InlineData("api/v1/symbols/AA$PL/stats")]
    [InlineData("api/v1/candles/AA$PL")]
    [InlineData("api/v1/trades/AA$PL")]
    public async Task InvalidSymbolIs400NamingThePattern(string url)
    {
        var problem = await (await _http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.Errors("symbol");
        Assert.Contains(SymbolRules.Description, message, StringComparison.Ordinal);
        Assert.Contains(SymbolRules.Pattern, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/quotes/nope")]
    [InlineData("api/v1/symbols/NOPE/stats")]
    [InlineData("api/v1/candles/NOPE")]
    [InlineData("api/v1/trades/NOPE")]
    public async Task UnknownSymbolIs404NamingTheSymbol(string url)
    {
        var problem = await (await _http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("'NOPE'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsCarryTheQuoteAndEveryStatistic()
    {
        var stats = await (await _http.GetAsync("api/v1/symbols/AAPL/stats")).ReadJsonAsync<SymbolStats>();

        Assert.Equal(42, stats.Quote.Sequence);
        Assert.Equal(20, Assert.Single(stats.Sma).Period);
        Assert.Equal(42, stats.AppliedOffsets[3]);
    }

    [Fact]
    public async Task CandlesDefaultToOneMinuteAndOneHundredNewestFirst()
    {
        var page = await (await _http.GetAsync("api/v1/candles/AAPL")).ReadJsonAsync<Page<Candle>>();

        Assert.Equal(100, page.Items.Count);
        Assert.All(page.Items, c => Assert.Equal("1m", c.Interval));
        Assert.Equal(ApiFixture.NewestMinute, page.Items[0].Start);
        Assert.Equal(page.Items.OrderByDescending(c => c.Start), page.Items);
        Assert.Equal(page.Items[^1].Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), page.NextCursor);
    }

    [Fact]
    public async Task CandleCursorWalksBackThroughEveryCandleOnce()
    {
        var starts = new List<DateTimeOffset>();
        var url = "api/v1/candles/AAPL?interval=1m&limit=100";
        var pages = 0;
        while (true)
        {
            var page = await (await _http.GetAsync(url)).ReadJsonAsync<Page<Candle>>();
            starts.AddRange(page.Items.Select(c => c.Start));
            pages++;
            if (page.NextCursor is null)
            {
                break;
            }

            url = $"api/v1/candles/AAPL?interval=1m&limit=100&before={Uri.EscapeDataString(page.NextCursor)}";
        }

        Assert.Equal(3, pages);
        Assert.Equal(250, starts.Count);
        Assert.Equal(starts.Distinct().OrderDescending(), starts);
    }

    [Fact]
    public async Task CandlesOfAnotherIntervalAreSelectedByName()
    {
        var page = await (await _http.GetAsync("api/v1/candles/AAPL?interval=5M&before=")).ReadJsonAsync<Page<Candle>>();

        Assert.Equal(10, page.Items.Count);
        Assert.All(page.Items, c => Assert.Equal("5m", c.Interval));
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("2m")]
    [InlineData("1w")]
    [InlineData("minute")]
    public async Task UnknownIntervalIs400ListingAllowedValues(string interval)
    {
        var problem = await (await _http.GetAsync($"api/v1/candles/AAPL?interval={interval}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("1m, 5m, 15m, 1h, 4h, 1d", problem.Errors("interval"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/candles/AAPL?limit=0")]
    [InlineData("api/v1/candles/AAPL?limit=1001")]
    [InlineData("api/v1/candles/AAPL?limit=ten")]
    [InlineData("api/v1/trades/AAPL?limit=-1")]
    [InlineData("api/v1/trades/AAPL?limit=99999999999")]
    public async Task LimitOutOfRangeIs400NamingTheRange(string url)
    {
        var problem = await (await _http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("from 1 to 1000", problem.Errors("limit"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v1/candles/AAPL?before=yesterday")]
    [InlineData("api/v1/candles/AAPL?before=-60000")]
    [InlineData("api/v1/candles/AAPL?before=1e12")]
    [InlineData("api/v1/candles/AAPL?before=999999999999999999")]
    [InlineData("api/v1/trades/AAPL?before=abc")]
    [InlineData("api/v1/trades/AAPL?before=0")]
    [InlineData("api/v1/trades/AAPL?before=%2B5")]
    public async Task MalformedCursorIs400(string url)
    {
        var problem = await (await _http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("not a valid cursor", problem.Errors("before"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadParameterIsReportedInOneProblem()
    {
        var problem = await (await _http.GetAsync("api/v1/candles/a$?interval=2m&limit=0&before=x")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["before", "interval", "limit", "symbol"], errors);
    }

    [Fact]
    public async Task TradesArePagedNewestFirstByTradeId()
    {
        var first = await (await _http.GetAsync("api/v1/trades/aapl?limit=200")).ReadJsonAsync<Page<Trade>>();
        Assert.Equal(Enumerable.Range(51, 200).Reverse().Select(i => (long)i), first.Items.Select(t => t.TradeId));
        Assert.Equal("51", first.NextCursor);

        var second = await (await _http.GetAsync($"api/v1/trades/AAPL?limit=200&before={first.NextCursor}")).ReadJsonAsync<Page<Trade>>();
        Assert.Equal(Enumerable.Range(1, 50).Reverse().Select(i => (long)i), second.Items.Select(t => t.TradeId));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task TradesDefaultToOneHundred()
    {
        var page = await (await _http.GetAsync("api/v1/trades/AAPL")).ReadJsonAsync<Page<Trade>>();

        Assert.Equal(100, page.Items.Count);
        Assert.Equal(250, page.Items[0].TradeId);
    }

    [Fact]
    public async Task MarketSummaryIsTheCurrentSummary()
    {
        var summary = await (await _http.GetAsync("api/v1/market-summary")).ReadJsonAsync<MarketSummary>();

        Assert.Equal(3, summary.Symbols);
        Assert.Equal(TestData.Epoch, summary.AsOf);
    }

    [Fact]
    public async Task ClusterListsTheSilosWithTheirPartitionsAndIngest()
    {
        var cluster = await (await _http.GetAsync("api/v1/cluster")).ReadJsonAsync<ClusterStatus>();

        Assert.Equal("Embedded", cluster.Mode);
        var silo = Assert.Single(cluster.Silos);
        Assert.Equal("test-silo", silo.Id);
        Assert.Equal([0, 1], silo.Partitions);
        Assert.Equal(42, silo.TicksApplied);
        Assert.Equal("Running", silo.Ingest);
    }

    [Fact]
    public async Task UnknownRouteUnderApiIs404Problem()
    {
        var problem = await (await _http.GetAsync("api/v1/nothing-here")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("/api/v1/nothing-here", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task WrongMethodUnderApiIs405Problem()
    {
        await (await _http.PostAsync("api/v1/symbols", null)).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task UnhandledExceptionIs500ProblemWithoutInternals()
    {
        var response = await _http.GetAsync($"api/v1/quotes/{InMemoryMarket.FailingSymbol}");
        var body = await response.Content.ReadAsStringAsync();

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain("InMemoryMarket", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemsCarryATraceId()
    {
        var problem = await (await _http.GetAsync("api/v1/quotes/NOPE")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
