using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class MarketSummaryApiTests(SiloFixture silo)
{
    [Fact]
    public async Task MarketSummaryCountsTheConfiguredSymbolsAndTheIngestRate()
    {
        // The summary is recomputed every second and its rate needs two of them.
        var summary = await Eventually.ValueAsync(
            () => silo.Http.GetOkAsync<MarketSummary>("api/v1/market-summary"),
            s => s.TicksPerSecond > 0,
            "the summary reports an ingest rate");

        Assert.Equal(SiloSettings.Symbols.Count, summary.Symbols);
        Assert.Equal(summary.Symbols, summary.Advancers + summary.Decliners + summary.Unchanged);
        Assert.InRange(summary.TicksPerSecond, SiloSettings.TicksPerSecond * 0.5, SiloSettings.TicksPerSecond * 1.5);
        Assert.True(summary.TotalTrades > 0);
        Assert.True(summary.TotalVolume24h > 0);
        Assert.True(summary.AsOf > DateTimeOffset.UtcNow.AddSeconds(-5), $"as of {summary.AsOf:O}");

        Assert.Equal(SiloSettings.Symbols.Order(StringComparer.Ordinal), summary.MostActive.Select(s => s.Symbol).Order(StringComparer.Ordinal));
        Assert.All(summary.TopGainers, s => Assert.True(s.ChangePercent24h > 0));
        Assert.All(summary.TopLosers, s => Assert.True(s.ChangePercent24h < 0));
        Assert.Equal(summary.Advancers, summary.TopGainers.Count);
        Assert.Equal(summary.Decliners, summary.TopLosers.Count);
    }

    [Fact]
    public async Task MarketSummaryTotalTradesMatchTheSymbolsItWasComputedFrom()
    {
        var summary = await silo.Http.GetOkAsync<MarketSummary>("api/v1/market-summary");

        // Most active lists every symbol here (5 symbols, top 5), with the trade counts the summary summed.
        Assert.Equal(summary.TotalTrades, summary.MostActive.Sum(s => s.TradeCount));
    }
}
