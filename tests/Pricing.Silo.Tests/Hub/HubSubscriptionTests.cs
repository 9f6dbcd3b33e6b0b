using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Pricing.Silo.Tests.Support;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Hub;

[Collection(SiloCollection.Name)]
public sealed class HubSubscriptionTests(SiloFixture silo)
{
    private static readonly TimeSpan QuoteInterval = TimeSpan.FromMilliseconds(100); // Pricing:Hub default

    [Fact]
    public async Task SubscribeReturnsSnapshotsThenQuotesOfThoseSymbolsOnlyWithGrowingSequences()
    {
        await using var connection = MarketHubClient.Build(silo.Factory.BaseAddress);
        var quotes = new QuoteLog(connection);
        await connection.StartAsync();

        var subscribedAt = quotes.Now;
        var snapshots = await connection.SubscribeAsync(["brk.b", "BTC-USD"]);

        Assert.Equal(["BRK.B", "BTC-USD"], snapshots.Select(s => s.Symbol));
        Assert.All(snapshots, s => Assert.True(s.Sequence > 0 && s.Price > 0));
        await Eventually.TrueAsync(
            () => quotes.CountOf("BRK.B") >= 10 && quotes.CountOf("BTC-USD") >= 10,
            () => $"ten quotes of each subscribed symbol (BRK.B {quotes.CountOf("BRK.B")}, BTC-USD {quotes.CountOf("BTC-USD")})");

        var elapsed = quotes.Now - subscribedAt;
        Assert.All(quotes.All, q => Assert.Contains(q.Symbol, new[] { "BRK.B", "BTC-USD" }));
        foreach (var snapshot in snapshots)
        {
            var sequences = quotes.Of(snapshot.Symbol).Select(q => q.Sequence).ToList();
            Assert.True(sequences[0] > snapshot.Sequence, $"{snapshot.Symbol}: first update {sequences[0]} is above the snapshot's {snapshot.Sequence}");
            Assert.All(sequences.Zip(sequences.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{snapshot.Symbol}: {pair.Second} after {pair.First}"));
            // Conflated to at most one per interval and symbol (a little slack for arrival jitter).
            Assert.True(sequences.Count <= (elapsed / QuoteInterval) + 3, $"{snapshot.Symbol}: {sequences.Count} quotes in {elapsed.TotalMilliseconds:0} ms");
        }
    }

    [Fact]
    public async Task SubscribeResultIsOnTheWireBeforeTheFirstQuote()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var client = await WireHubClient.ConnectAsync(silo.Factory.BaseAddress, receiveBufferSize: 64 * 1024, timeout.Token);

        var id = await client.InvokeAsync("Subscribe", [new[] { "AAPL", "spy" }], timeout.Token);

        var completion = await client.ReceiveAsync(timeout.Token);
        Assert.Equal(3, completion.GetProperty("type").GetInt32());
        Assert.Equal(id, completion.GetProperty("invocationId").GetString());
        var snapshots = completion.GetProperty("result").EnumerateArray().ToDictionary(q => q.GetProperty("symbol").GetString()!, q => q.GetProperty("sequence").GetInt64());
        Assert.Equal(["AAPL", "SPY"], snapshots.Keys);

        for (var i = 0; i < 10; i++)
        {
            var message = await client.ReceiveAsync(timeout.Token);
            Assert.Equal("quote", message.GetProperty("target").GetString());
            var quote = message.GetProperty("arguments")[0];
            var symbol = quote.GetProperty("symbol").GetString()!;
            Assert.True(quote.GetProperty("sequence").GetInt64() > snapshots[symbol], $"{symbol} quote above its snapshot");
        }
    }

    [Fact]
    public async Task SubscribeReturnsOneSnapshotPerDistinctSymbolInRequestOrder()
    {
        await using var connection = await silo.Factory.ConnectHubAsync();

        var snapshots = await connection.SubscribeAsync(["spy", "AAPL", "SPY", "aapl", "btc-usd"]);

        Assert.Equal(["SPY", "AAPL", "BTC-USD"], snapshots.Select(s => s.Symbol));
    }

    [Fact]
    public async Task UnsubscribeStopsThatSymbolOnly()
    {
        await using var connection = MarketHubClient.Build(silo.Factory.BaseAddress);
        var quotes = new QuoteLog(connection);
        await connection.StartAsync();
        await connection.SubscribeAsync(["MSFT", "SPY"]);
        await Eventually.TrueAsync(() => quotes.CountOf("MSFT") > 0 && quotes.CountOf("SPY") > 0, "quotes of both symbols");

        await connection.UnsubscribeAsync(["spy"]);
        var spyAfterUnsubscribe = quotes.CountOf("SPY");
        var msftAfterUnsubscribe = quotes.CountOf("MSFT");
        await Eventually.TrueAsync(() => quotes.CountOf("MSFT") >= msftAfterUnsubscribe + 5, "five more MSFT quotes");

        // A quote already being written when the call ran may still arrive; nothing after it.
        Assert.InRange(quotes.CountOf("SPY"), spyAfterUnsubscribe, spyAfterUnsubscribe + 1);
    }

    [Theory]
    [InlineData("BAD SYMBOL")]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public async Task SubscribeToAnInvalidSymbolFailsWithHubExceptionNamingThePattern(string symbol)
    {
        await using var connection = await silo.Factory.ConnectHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(["AAPL", symbol]));

        Assert.Contains("invalid symbol", error.Message, StringComparison.Ordinal);
        Assert.Contains(SymbolRules.Pattern, error.Message, StringComparison.Ordinal);
        // The connection lives on and nothing was subscribed by the failed call.
        var snapshots = await connection.SubscribeAsync(["MSFT"]);
        Assert.Equal("MSFT", Assert.Single(snapshots).Symbol);
    }

    [Fact]
    public async Task SubscribeToAnUnknownSymbolFailsWithHubExceptionNamingIt()
    {
        await using var connection = await silo.Factory.ConnectHubAsync();
        var quotes = new QuoteLog(connection);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(["AAPL", "zzzz"]));

        Assert.Contains("unknown symbol ZZZZ", error.Message, StringComparison.Ordinal);
        // Nothing was subscribed: AAPL, valid in the same call, sends nothing either.
        var snapshots = await connection.SubscribeAsync(["BTC-USD"]);
        await Eventually.TrueAsync(() => quotes.CountOf("BTC-USD") >= 3, "three BTC-USD quotes");
        Assert.Equal(0, quotes.CountOf("AAPL"));
        Assert.Equal("BTC-USD", Assert.Single(snapshots).Symbol);
    }
}
