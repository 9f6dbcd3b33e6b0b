using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.History;

/// <summary>
/// Candle pages continue from what the grain holds in memory into the history store. Event time
/// runs 600 times as fast as the clock here, so a one-minute candle closes every 0.1 s; the grain
/// keeps its last 5 closed candles and writes them to history every 0.2 s.
/// </summary>
public sealed class CandleHistoryPagingTests
{
    [Fact]
    public async Task CandlePagesWalkBackToTheFirstCandleWithoutGapsOrRepeats()
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["Pricing:Simulator:SimulatedSecondsPerSecond"] = "600",
            ["Pricing:Simulator:TicksPerSecond"] = "2000",
            ["Pricing:Analytics:CandleRetention"] = "5",
            ["Pricing:SymbolGrain:FlushInterval"] = "00:00:00.200",
        });
        await factory.StartAsync();
        using var http = factory.CreateClient();
        await Eventually.ValueAsync(
            () => http.GetOkAsync<Page<Candle>>("api/v1/candles/SPY?interval=1m&limit=1000"),
            page => page.Items.Count >= 15,
            "SPY has 15 one-minute candles, more than twice what its grain keeps",
            TimeSpan.FromSeconds(20));

        var candles = new List<Candle>();
        string? cursor = null;
        do
        {
            var page = await http.GetOkAsync<Page<Candle>>("api/v1/candles/spy?interval=1m&limit=3" + (cursor is null ? string.Empty : $"&before={cursor}"));
            Assert.InRange(page.Items.Count, 1, 3);
            candles.AddRange(page.Items);
            cursor = page.NextCursor;
            Assert.True(candles.Count < 1000, "paging ends");
        }
        while (cursor is not null);

        Assert.True(candles.Count >= 15, $"{candles.Count} candles");
        Assert.False(candles[0].Closed);
        Assert.All(candles.Skip(1), c => Assert.True(c.Closed, $"{c.Start:O} is closed"));
        Assert.All(candles.Zip(candles.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), pair.First.Start - pair.Second.Start));
        Assert.All(candles, c => Assert.Equal(0, c.Revision));
        var oldest = candles[^1];
        Assert.InRange(oldest.FirstTradeAt, startedAt, startedAt.AddSeconds(10));

        // The candles of one page each are the candles of one big page (closed candles do not change).
        var all = await http.GetOkAsync<Page<Candle>>("api/v1/candles/SPY?interval=1m&limit=1000");
        Assert.Null(all.NextCursor);
        Assert.Equal(candles.Skip(1), all.Items.SkipWhile(c => c.Start >= candles[0].Start));
    }
}
