using Pricing.Grains.Symbol;
using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>The records clients see: quote, stats and candle pages.</summary>
public sealed class SymbolSnapshotsTests
{
    private readonly SymbolAnalytics _analytics = new(new SymbolAnalyticsOptions());
    private readonly RecordingCandleSink _sink = new();
    private readonly TickFeed _feed = new();

    [Fact]
    public void The_last_price_is_of_the_latest_event_time_and_of_equal_times_the_last_to_arrive()
    {
        Apply("2024-05-01T10:00:05Z", 100m, 1m);
        Apply("2024-05-01T10:00:01Z", 99m, 2m);
        Assert.Equal((100m, 1m), (_analytics.LastPrice, _analytics.LastSize));

        Apply("2024-05-01T10:00:05Z", 101m, 3m);
        Assert.Equal((101m, 3m), (_analytics.LastPrice, _analytics.LastSize));
        Assert.Equal(TickFeed.Time("2024-05-01T10:00:05Z"), _analytics.ToQuote("SYM").Timestamp);
    }

    [Fact]
    public void The_quote_change_is_against_the_first_price_of_the_24h_window()
    {
        Apply("2024-05-01T10:00:00Z", 80m, 1m);
        Apply("2024-05-01T12:00:00Z", 100m, 1m);
        Apply("2024-05-02T11:00:00Z", 103m, 2m);

        var quote = _analytics.ToQuote("SYM");
        Assert.Equal(3, quote.Sequence);
        // The 24h window (5-minute buckets) starts at 05-01T11:05: 10:00 has left, 12:00 opens it.
        Assert.Equal((3m, 3m), (quote.Change24h, quote.ChangePercent24h));
        Assert.Equal((103m, 100m, 3m), (quote.High24h, quote.Low24h, quote.Volume24h));
        Assert.Equal(103m, quote.Vwap);
        Assert.Equal((3L, 4m), (quote.TradeCount, quote.Volume));
    }

    [Fact]
    public void Recent_candles_are_the_open_then_the_closed_newest_first_before_the_cursor_up_to_the_limit()
    {
        foreach (var minute in new[] { 0, 1, 3, 4, 6 })
        {
            Apply($"2024-05-01T10:{minute:00}:30Z", 100m + minute, 1m);
        }

        Assert.Equal(
            [("10:06", false), ("10:04", true), ("10:03", true), ("10:01", true), ("10:00", true)],
            Page(limit: 10, before: null));
        Assert.Equal([("10:06", false), ("10:04", true)], Page(limit: 2, before: null));
        // The cursor is exclusive: candles starting strictly before it.
        Assert.Equal([("10:03", true), ("10:01", true)], Page(limit: 2, before: "2024-05-01T10:04:00Z"));
        Assert.Equal([("10:04", true), ("10:03", true)], Page(limit: 2, before: "2024-05-01T10:04:00.0000001Z"));
        Assert.Equal([("10:06", false)], Page(limit: 1, before: "2024-05-01T10:07:00Z"));
        Assert.Empty(Page(limit: 10, before: "2024-05-01T10:00:00Z"));
    }

    private void Apply(string at, decimal price, decimal size) => Assert.True(_analytics.Apply(_feed.At(at, price, size), _sink));

    private List<(string Start, bool Closed)> Page(int limit, string? before) =>
        [.. _analytics.RecentCandles("SYM", new CandleQuery(CandleInterval.OneMinute, limit, before is null ? null : TickFeed.Time(before)))
            .Select(c => (c.Start.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.Closed))];
}
