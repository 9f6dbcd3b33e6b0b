using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Pricing.Testing;
using Pricing.Web.Hubs;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Hub;

public sealed class MarketHubTests(HubFixture fixture) : IClassFixture<HubFixture>, IAsyncLifetime
{
    private readonly List<HubConnection> _connections = [];

    private InMemoryMarket Market => fixture.Market;

    private OutboxRegistry Registry => fixture.Server.Services.GetRequiredService<OutboxRegistry>();

    [Fact]
    public async Task SubscribeReturnsSnapshotsInRequestOrderThenQuotesWithIncreasingSequences()
    {
        AddSymbols(("SUBA", 10), ("SUBB", 20));
        var (connection, recorder) = await ConnectAsync();

        var snapshots = await connection.SubscribeAsync(["subb", "SUBA", "SUBB"]);

        Assert.Equal([("SUBB", 20L), ("SUBA", 10L)], snapshots.Select(q => (q.Symbol, q.Sequence)));
        for (var sequence = 11; sequence <= 40; sequence++)
        {
            Market.Publish(TestData.Quote("SUBA", sequence));
            Market.Publish(TestData.Quote("SUBB", sequence + 10));
        }

        await recorder.WaitForAsync("SUBA", 40);
        await recorder.WaitForAsync("SUBB", 50);
        Assert.Empty(recorder.Violations);
        Assert.All(recorder.Of("SUBA"), q => Assert.True(q.Sequence > 10));
        Assert.All(recorder.Of("SUBB"), q => Assert.True(q.Sequence > 20));
    }

    [Fact]
    public async Task UpdateBetweenSnapshotAndSubscriptionIsDeliveredAfterTheSnapshot()
    {
        AddSymbols(("GAPA", 5));
        var (connection, recorder) = await ConnectAsync();
        Market.AfterSnapshot = quote =>
        {
            if (quote is { Symbol: "GAPA", Sequence: 5 })
            {
                Market.Publish(TestData.Quote("GAPA", 6));
            }
        };

        try
        {
            var snapshot = Assert.Single(await connection.SubscribeAsync(["GAPA"]));

            Assert.Equal(5, snapshot.Sequence);
            await recorder.WaitForAsync("GAPA", 6);
            Assert.Equal([6L], recorder.Of("GAPA").Select(q => q.Sequence));
        }
        finally
        {
            Market.AfterSnapshot = null;
        }
    }

    [Fact]
    public async Task UpdateAlreadyInTheSnapshotIsNotSentAgain()
    {
        AddSymbols(("DUPA", 5));
        var (connection, recorder) = await ConnectAsync();
        Market.BeforeSnapshot = symbol =>
        {
            if (symbol == "DUPA" && Market.QuoteOf("DUPA").Sequence == 5)
            {
                Market.Publish(TestData.Quote("DUPA", 6));
            }
        };

        try
        {
            var snapshot = Assert.Single(await connection.SubscribeAsync(["DUPA"]));
            Assert.Equal(6, snapshot.Sequence);

            Market.Publish(TestData.Quote("DUPA", 7));
            await recorder.WaitForAsync("DUPA", 7);
            Assert.Equal([7L], recorder.Of("DUPA").Select(q => q.Sequence));
        }
        finally
        {
            Market.BeforeSnapshot = null;
        }
    }

    [Fact]
    public async Task SnapshotPrecedesTheFirstUpdateOnTheWire()
    {
        AddSymbols(("WIRE", 1));
        Market.AfterSnapshot = quote =>
        {
            if (quote is { Symbol: "WIRE", Sequence: 1 })
            {
                Market.Publish(TestData.Quote("WIRE", 2));
            }
        };

        try
        {
            await using var client = await RawHubClient.ConnectAsync(fixture.Server.BaseAddress);
            var id = await client.InvokeAsync("Subscribe", new object[] { new[] { "WIRE" } });
            using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);

            var first = await client.ReceiveAsync(timeout.Token);
            Assert.Equal(3, first.GetProperty("type").GetInt32());
            Assert.Equal(id, first.GetProperty("invocationId").GetString());
            Assert.Equal(1, first.GetProperty("result")[0].GetProperty("sequence").GetInt64());

            var second = await client.ReceiveAsync(timeout.Token);
            Assert.Equal("quote", second.GetProperty("target").GetString());
            Assert.Equal(2, second.GetProperty("arguments")[0].GetProperty("sequence").GetInt64());
        }
        finally
        {
            Market.AfterSnapshot = null;
        }
    }

    [Theory]
    [InlineData("AA$PL")]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public async Task InvalidSymbolFailsWithHubExceptionNamingThePattern(string symbol)
    {
        AddSymbols(("VALID", 1));
        var (connection, _) = await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(["VALID", symbol]));

        Assert.Contains("invalid symbol", error.Message, StringComparison.Ordinal);
        Assert.Contains(SymbolRules.Description, error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.Index.SubscribersOf("VALID"));
    }

    [Fact]
    public async Task UnknownSymbolFailsWithHubExceptionAndSubscribesNothing()
    {
        AddSymbols(("KNOWN", 1));
        var (connection, recorder) = await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(["KNOWN", "ghost"]));

        Assert.Contains("unknown symbol GHOST", error.Message, StringComparison.Ordinal);
        Assert.Empty(Registry.Index.SubscribersOf("KNOWN"));
        Assert.Empty(Registry.Index.SubscribersOf("GHOST"));

        // The connection still works.
        AddSymbols(("AFTER", 1));
        await connection.SubscribeAsync(["AFTER"]);
        Market.Publish(TestData.Quote("KNOWN", 2));
        Market.Publish(TestData.Quote("AFTER", 2));
        await recorder.WaitForAsync("AFTER", 2);
        Assert.Empty(recorder.Of("KNOWN"));
    }

    [Fact]
    public async Task TooManySymbolsInOneCallFailsNamingTheLimit()
    {
        var symbols = Enumerable.Range(0, HubFixture.MaxSymbolsPerCall + 1).Select(i => $"CALL{i:00}").ToArray();
        AddSymbols([.. symbols.Select(s => (s, 1L))]);
        var (connection, _) = await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(symbols));

        Assert.Contains($"at most {HubFixture.MaxSymbolsPerCall}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManySymbolsOnOneConnectionFailsNamingTheLimit()
    {
        var symbols = Enumerable.Range(0, HubFixture.MaxSymbolsPerConnection + 1).Select(i => $"CONN{i:00}").ToArray();
        AddSymbols([.. symbols.Select(s => (s, 1L))]);
        var (connection, _) = await ConnectAsync();
        await connection.SubscribeAsync(symbols[..40]);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SubscribeAsync(symbols[40..]));

        Assert.Contains($"at most {HubFixture.MaxSymbolsPerConnection}", error.Message, StringComparison.Ordinal);
        Assert.Single(Registry.Index.SubscribersOf("CONN39"));
        Assert.Empty(Registry.Index.SubscribersOf("CONN40"));
    }

    [Fact]
    public async Task UnsubscribeStopsQuotesOfThatSymbolOnly()
    {
        AddSymbols(("UNSA", 1), ("UNSB", 1));
        var (connection, recorder) = await ConnectAsync();
        await connection.SubscribeAsync(["UNSA", "UNSB"]);

        await connection.UnsubscribeAsync(["unsa"]);
        Market.Publish(TestData.Quote("UNSA", 2));
        Market.Publish(TestData.Quote("UNSB", 2));

        await recorder.WaitForAsync("UNSB", 2);
        Assert.Empty(recorder.Of("UNSA"));
        Assert.Empty(Registry.Index.SubscribersOf("UNSA"));
    }

    [Fact]
    public async Task SummarySubscribersGetTheCurrentSummaryThenEachUpdate()
    {
        var (connection, _) = await ConnectAsync();
        var summaries = new List<MarketSummary>();
        var received = new SemaphoreSlim(0);
        connection.OnSummary(summary =>
        {
            lock (summaries)
            {
                summaries.Add(summary);
            }

            received.Release();
        });
        var now = DateTimeOffset.UtcNow;
        Market.PublishSummary(TestData.Summary(now, symbols: 1));
        var subscribersBefore = Registry.Index.SummarySubscribers.Length;

        var current = await connection.SubscribeSummaryAsync();
        Assert.Equal(now, current.AsOf);
        Assert.Equal(subscribersBefore + 1, Registry.Index.SummarySubscribers.Length);

        Market.PublishSummary(TestData.Summary(now.AddSeconds(1), symbols: 2));
        Assert.True(await received.WaitAsync(Eventually.DefaultTimeout), "a summary arrives");
        lock (summaries)
        {
            Assert.Equal(2, Assert.Single(summaries).Symbols);
        }

        await connection.UnsubscribeSummaryAsync();
        Assert.Equal(subscribersBefore, Registry.Index.SummarySubscribers.Length);
    }

    [Fact]
    public async Task DisconnectRemovesEverySubscription()
    {
        AddSymbols(("GONE", 1));
        var (connection, _) = await ConnectAsync();
        await connection.SubscribeAsync(["GONE"]);
        await connection.SubscribeSummaryAsync();
        var summarySubscribers = Registry.Index.SummarySubscribers.Length;
        Assert.Single(Registry.Index.SubscribersOf("GONE"));

        await connection.DisposeAsync();

        await Eventually.TrueAsync(() => Registry.Index.SubscribersOf("GONE").Length == 0, "the closed connection's subscriptions are gone");
        await Eventually.TrueAsync(() => Registry.Index.SummarySubscribers.Length == summarySubscribers - 1, "its summary subscription is gone");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void AddSymbols(params (string Symbol, long Sequence)[] symbols)
    {
        foreach (var (symbol, sequence) in symbols)
        {
            Market.Add(TestData.Quote(symbol, sequence));
        }
    }

    private async Task<(HubConnection Connection, QuoteRecorder Recorder)> ConnectAsync()
    {
        var connection = MarketHubClient.Build(fixture.Server.BaseAddress);
        var recorder = new QuoteRecorder(connection);
        _connections.Add(connection);
        await connection.StartAsync();
        return (connection, recorder);
    }
}
