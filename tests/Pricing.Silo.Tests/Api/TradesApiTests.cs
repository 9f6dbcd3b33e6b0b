using System.Globalization;
using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

/// <summary>
/// Trades are numbered 1, 2, 3 ... per symbol (the trade id is the symbol's trade count when it
/// was applied), so a page is right exactly when its ids are consecutive and newest first, and a
/// cursor is stable exactly when the next page starts one below the previous page's last id.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class TradesApiTests(SiloFixture silo)
{
    [Fact]
    public async Task TradesReturnTheNewestTenWithConsecutiveDecreasingIds()
    {
        var before = await silo.Http.GetOkAsync<Quote>("api/v1/quotes/AAPL");
        var page = await silo.Http.GetOkAsync<Page<Trade>>("api/v1/trades/AAPL?limit=10");

        Assert.Equal(10, page.Items.Count);
        AssertConsecutiveNewestFirst(page.Items);
        Assert.True(page.Items[0].TradeId >= before.TradeCount, $"newest id {page.Items[0].TradeId} is at least the trade count {before.TradeCount} read before");
        Assert.All(page.Items, trade =>
        {
            Assert.Equal("AAPL", trade.Symbol);
            Assert.True(trade.Price > 0 && trade.Size > 0);
        });
        Assert.Equal(page.Items[^1].TradeId.ToString(CultureInfo.InvariantCulture), page.NextCursor);
    }

    [Fact]
    public async Task TradeCursorContinuesExactlyBelowThePreviousPageWhileNewTradesArrive()
    {
        var first = await silo.Http.GetOkAsync<Page<Trade>>("api/v1/trades/brk.b?limit=10");
        var newest = first.Items[0].TradeId;

        // Let well over a page of new trades arrive before following the cursor.
        await Eventually.ValueAsync(
            () => silo.Http.GetOkAsync<Quote>("api/v1/quotes/BRK.B"),
            quote => quote.TradeCount >= newest + 50,
            $"50 more BRK.B trades after {newest}");

        var trades = new List<Trade>(first.Items);
        var cursor = first.NextCursor;
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(cursor);
            var page = await silo.Http.GetOkAsync<Page<Trade>>($"api/v1/trades/BRK.B?limit=10&before={cursor}");
            Assert.Equal(10, page.Items.Count);
            Assert.Equal(trades[^1].TradeId - 1, page.Items[0].TradeId);
            trades.AddRange(page.Items);
            cursor = page.NextCursor;
        }

        AssertConsecutiveNewestFirst(trades);

        // The same trades, read again in one page from the first page's top: nothing moved or changed.
        var again = await silo.Http.GetOkAsync<Page<Trade>>($"api/v1/trades/BRK.B?limit=60&before={newest + 1}");
        Assert.Equal(trades, again.Items);
    }

    [Fact]
    public async Task TradeTimestampsNeverIncreaseDownThePage()
    {
        var page = await silo.Http.GetOkAsync<Page<Trade>>("api/v1/trades/btc-usd?limit=200");

        Assert.Equal(200, page.Items.Count);
        Assert.All(page.Items.Zip(page.Items.Skip(1)), pair => Assert.True(pair.First.Timestamp >= pair.Second.Timestamp));
    }

    [Fact]
    public async Task TradePagesContinueWithoutGapsBeyondTheTradesAGrainHoldsInMemory()
    {
        // A grain keeps its last 1000 trades in memory (Pricing:Analytics:RecentTrades) and writes
        // older ones to the history store every second (Pricing:SymbolGrain:FlushInterval). AAPL,
        // the most active symbol, trades about 2200 times a second here, so for part of every
        // second more than 1000 of its trades are not yet written. Paging 3000 trades deep at
        // several moments over a second and a half covers every phase of the write-behind cycle.
        await Eventually.ValueAsync(
            () => silo.Http.GetOkAsync<Quote>("api/v1/quotes/AAPL"),
            quote => quote.TradeCount > 4000,
            "AAPL has traded more than 3000 times");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
        var attempts = 0;
        do
        {
            attempts++;
            var trades = new List<Trade>();
            string? cursor = null;
            for (var page = 0; page < 3; page++)
            {
                var path = "api/v1/trades/AAPL?limit=1000" + (cursor is null ? string.Empty : $"&before={cursor}");
                var next = await silo.Http.GetOkAsync<Page<Trade>>(path);
                Assert.Equal(1000, next.Items.Count);
                trades.AddRange(next.Items);
                cursor = next.NextCursor;
            }

            var gap = trades.Zip(trades.Skip(1)).FirstOrDefault(pair => pair.First.TradeId - 1 != pair.Second.TradeId);
            Assert.True(
                gap == default,
                $"attempt {attempts}: after trade {gap.First?.TradeId} the next page continues at {gap.Second?.TradeId}: " +
                $"{gap.First?.TradeId - gap.Second?.TradeId - 1} trades are missing from the pages (newest {trades[0].TradeId})");
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
    }

    private static void AssertConsecutiveNewestFirst(IReadOnlyList<Trade> trades)
    {
        for (var i = 1; i < trades.Count; i++)
        {
            Assert.True(
                trades[i].TradeId == trades[i - 1].TradeId - 1,
                $"trade {i} has id {trades[i].TradeId} after {trades[i - 1].TradeId}: ids {string.Join(", ", trades.Select(t => t.TradeId))}");
        }
    }
}
