using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class QuotesApiTests(SiloFixture silo)
{
    public static TheoryData<string> ConfiguredSymbols => [.. SiloSettings.Symbols];

    [Theory]
    [MemberData(nameof(ConfiguredSymbols))]
    public async Task QuoteOfEachConfiguredSymbolIsConsistent(string symbol)
    {
        var quote = await silo.Http.GetOkAsync<Quote>($"api/v1/quotes/{symbol}");

        Assert.Equal(symbol, quote.Symbol);
        Assert.True(quote.Sequence > 0);
        Assert.Equal(quote.TradeCount, quote.Sequence);
        Assert.True(quote.Price > 0 && quote.Size > 0, $"price {quote.Price}, size {quote.Size}");
        Assert.InRange(quote.Price, quote.Low24h, quote.High24h);
        Assert.InRange(quote.Vwap, quote.Low24h, quote.High24h);
        // The silo has run for seconds, not a day: the 24h window holds every trade.
        Assert.Equal(quote.Volume, quote.Volume24h);
        Assert.True(quote.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5) && quote.Timestamp <= DateTimeOffset.UtcNow.AddSeconds(5), $"event time {quote.Timestamp:O}");
    }

    [Theory]
    [InlineData("aapl", "AAPL")]
    [InlineData("brk.b", "BRK.B")]
    [InlineData("btc-usd", "BTC-USD")]
    [InlineData("Msft", "MSFT")]
    public async Task QuoteAcceptsTheSymbolInAnyCase(string asked, string expected)
    {
        var quote = await silo.Http.GetOkAsync<Quote>($"api/v1/quotes/{asked}");

        Assert.Equal(expected, quote.Symbol);
    }

    [Fact]
    public async Task QuoteSequenceGrowsBetweenTwoCalls()
    {
        var first = await silo.Http.GetOkAsync<Quote>("api/v1/quotes/SPY");

        var second = await Eventually.ValueAsync(
            () => silo.Http.GetOkAsync<Quote>("api/v1/quotes/spy"),
            next => next.Sequence > first.Sequence,
            $"SPY's sequence passes {first.Sequence}");

        Assert.True(second.TradeCount > first.TradeCount);
        Assert.True(second.Volume > first.Volume);
        Assert.True(second.Timestamp >= first.Timestamp);
    }
}
