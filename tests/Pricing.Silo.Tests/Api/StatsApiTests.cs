using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class StatsApiTests(SiloFixture silo)
{
    [Theory]
    [InlineData("AAPL")]
    [InlineData("brk.b")]
    [InlineData("BTC-USD")]
    public async Task StatsAreOneConsistentSnapshotOfTheSymbol(string symbol)
    {
        var stats = await silo.Http.GetOkAsync<SymbolStats>($"api/v1/symbols/{symbol}/stats");
        var quote = stats.Quote;

        Assert.Equal(symbol.ToUpperInvariant(), quote.Symbol);
        Assert.Equal(quote.TradeCount, quote.Sequence);

        // All-time VWAP is turnover over volume, exactly (decimals).
        Assert.Equal(stats.Turnover / quote.Volume, stats.VwapAllTime);
        Assert.InRange(stats.VwapAllTime, quote.Low24h, quote.High24h);
        Assert.InRange(quote.Vwap, quote.Low24h, quote.High24h);

        Assert.Equal(100, stats.VwapTicks.Ticks);
        Assert.Equal(Math.Min(100, quote.TradeCount), stats.VwapTicks.Count);
        Assert.NotNull(stats.VwapTicks.Value);
        Assert.InRange(stats.VwapTicks.Value.Value, quote.Low24h, quote.High24h);
        Assert.Equal(300, stats.VwapWindow.WindowSeconds);
        Assert.Equal(quote.Vwap, stats.VwapWindow.Value);

        Assert.Equal([20, 50], stats.Sma.Select(s => s.Period));
        Assert.Equal([12, 26], stats.Ema.Select(e => e.Period));
        Assert.All(stats.Sma.Concat(stats.Ema), average =>
        {
            Assert.NotNull(average.Value);
            Assert.InRange(average.Value.Value, (double)quote.Low24h, (double)quote.High24h);
        });
        Assert.Equal(100, stats.Volatility.Window);
        Assert.NotNull(stats.Volatility.StdDevLogReturns);
        Assert.True(stats.Volatility.StdDevLogReturns >= 0);

        // One open candle per interval; each holds the last trade.
        Assert.Equal(CandleIntervals.Names, stats.OpenCandles.Select(c => c.Interval));
        Assert.All(stats.OpenCandles, candle =>
        {
            Assert.False(candle.Closed);
            Assert.Equal(quote.Symbol, candle.Symbol);
            Assert.Equal(quote.Price, candle.Close);
            Assert.Equal(quote.Timestamp, candle.LastTradeAt);
            Assert.InRange(quote.Timestamp, candle.Start, candle.End);
            Assert.True(candle.TradeCount is > 0 && candle.TradeCount <= quote.TradeCount);
        });

        // The simulator's event times never go backwards, so nothing is late.
        Assert.Equal(CandleIntervals.Names, stats.LateTicks.Select(l => l.Interval));
        Assert.All(stats.LateTicks, late => Assert.Equal(0, late.Count));

        // A symbol is a message key: all its ticks come from one partition of the input log.
        var offsets = Assert.Single(stats.AppliedOffsets);
        Assert.InRange(offsets.Key, 0, 7);
        Assert.True(offsets.Value >= quote.TradeCount - 1, $"offset {offsets.Value} covers {quote.TradeCount} trades");
    }
}
