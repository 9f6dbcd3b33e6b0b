using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class SymbolsApiTests(SiloFixture silo)
{
    [Fact]
    public async Task SymbolsListsExactlyTheConfiguredSymbolsInOrderWithPrices()
    {
        var symbols = await silo.Http.GetOkAsync<SymbolSummary[]>("api/v1/symbols");

        Assert.Equal(SiloSettings.Symbols.Order(StringComparer.Ordinal), symbols.Select(s => s.Symbol));
        Assert.All(symbols, s =>
        {
            Assert.True(s.Price > 0, $"{s.Symbol} has a price");
            Assert.True(s.TradeCount > 0, $"{s.Symbol} has traded");
            // Every applied tick bumps the sequence once; the embedded feed has no duplicates.
            Assert.Equal(s.TradeCount, s.Sequence);
            Assert.NotEqual(default, s.LastTradeTime);
        });
    }

    [Fact]
    public async Task SymbolsTradeCountsGrowBetweenCalls()
    {
        var first = await silo.Http.GetOkAsync<SymbolSummary[]>("api/v1/symbols");

        var later = await Eventually.ValueAsync(
            () => silo.Http.GetOkAsync<SymbolSummary[]>("api/v1/symbols"),
            next => next.Zip(first).All(pair => pair.First.TradeCount > pair.Second.TradeCount),
            "every symbol's trade count has grown");

        Assert.Equal(first.Select(s => s.Symbol), later.Select(s => s.Symbol));
        Assert.All(later.Zip(first), pair => Assert.True(pair.First.LastTradeTime >= pair.Second.LastTradeTime));
    }
}
