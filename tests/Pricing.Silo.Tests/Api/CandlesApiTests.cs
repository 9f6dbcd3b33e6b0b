using System.Globalization;
using Pricing.Silo.Tests.Support;

namespace Pricing.Silo.Tests.Api;

[Collection(SiloCollection.Name)]
public sealed class CandlesApiTests(SiloFixture silo)
{
    public static TheoryData<string> IntervalNames => [.. CandleIntervals.Names];

    [Fact]
    public async Task CandlesStartWithTheOpenOneMinuteCandle()
    {
        var page = await silo.Http.GetOkAsync<Page<Candle>>("api/v1/candles/AAPL?interval=1m");

        var open = page.Items[0];
        Assert.False(open.Closed);
        Assert.Equal("AAPL", open.Symbol);
        Assert.Equal("1m", open.Interval);
        Assert.Equal(TimeSpan.Zero, open.Start.Offset);
        Assert.Equal(0, open.Start.Second + open.Start.Millisecond + open.Start.Microsecond);
        Assert.Equal(TimeSpan.FromMinutes(1), open.End - open.Start);
        AssertWellFormed(open);
        Assert.All(page.Items.Skip(1), candle => Assert.True(candle.Closed));
    }

    [Fact]
    public async Task CandlePagesFollowTheCursorToOlderCandlesUntilNone()
    {
        var first = await silo.Http.GetOkAsync<Page<Candle>>("api/v1/candles/msft?interval=1m&limit=1");
        var seen = new List<Candle>(first.Items);
        Assert.False(Assert.Single(first.Items).Closed);

        // Within a minute of start-up there is only the open candle and no cursor; later, closed
        // candles follow, each page strictly older, until the cursor runs out.
        var cursor = first.NextCursor;
        for (var pages = 0; cursor is not null; pages++)
        {
            Assert.True(pages < 100, "paging ends");
            Assert.Matches("^[0-9]+$", cursor);
            Assert.Equal(seen[^1].Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), cursor);
            var page = await silo.Http.GetOkAsync<Page<Candle>>($"api/v1/candles/MSFT?interval=1m&limit=1&before={cursor}");
            var candle = Assert.Single(page.Items);
            Assert.True(candle.Closed);
            Assert.True(candle.Start < seen[^1].Start, $"{candle.Start:O} is older than {seen[^1].Start:O}");
            AssertWellFormed(candle);
            seen.Add(candle);
            cursor = page.NextCursor;
        }

        // Paging one by one gives what one big page gives (from the same newest candle: a minute
        // may have turned since).
        var all = await silo.Http.GetOkAsync<Page<Candle>>("api/v1/candles/MSFT?interval=1m&limit=1000");
        Assert.Null(all.NextCursor);
        Assert.Equal(seen.Select(c => c.Start), all.Items.SkipWhile(c => c.Start > seen[0].Start).Select(c => c.Start));
    }

    [Theory]
    [MemberData(nameof(IntervalNames))]
    public async Task EveryIntervalNameGivesItsOpenCandle(string interval)
    {
        var page = await silo.Http.GetOkAsync<Page<Candle>>($"api/v1/candles/BTC-USD?interval={interval}");

        var open = page.Items[0];
        Assert.True(CandleIntervals.TryParse(interval, out var parsed));
        Assert.Equal(interval, open.Interval);
        Assert.False(open.Closed);
        Assert.Equal(parsed.ToTimeSpan(), open.End - open.Start);
        Assert.Equal(parsed.BucketStart(open.LastTradeAt), open.Start);
        AssertWellFormed(open);
    }

    [Fact]
    public async Task CandlesDefaultToOneMinute()
    {
        var page = await silo.Http.GetOkAsync<Page<Candle>>("api/v1/candles/spy");

        Assert.Equal("1m", page.Items[0].Interval);
        Assert.Equal("SPY", page.Items[0].Symbol);
    }

    private static void AssertWellFormed(Candle candle)
    {
        Assert.True(candle.TradeCount > 0);
        Assert.True(candle.Volume > 0);
        Assert.InRange(candle.Open, candle.Low, candle.High);
        Assert.InRange(candle.Close, candle.Low, candle.High);
        Assert.InRange(candle.Vwap, candle.Low, candle.High);
        Assert.Equal(candle.Turnover / candle.Volume, candle.Vwap);
        Assert.InRange(candle.FirstTradeAt, candle.Start, candle.LastTradeAt);
        Assert.True(candle.LastTradeAt < candle.End);
    }
}
