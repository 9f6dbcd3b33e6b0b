using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>Exactly-once groundwork: a tick at or below its partition's highest applied offset changes nothing.</summary>
public sealed class DuplicateOffsetTests
{
    private readonly SymbolAnalytics _analytics = new(new SymbolAnalyticsOptions());
    private readonly RecordingCandleSink _sink = new();

    [Fact]
    public void A_replayed_offset_is_skipped_and_changes_nothing()
    {
        var feed = new TickFeed();
        var first = feed.At("2024-05-01T10:00:00Z", 100m, 2m);
        Assert.True(_analytics.Apply(first, _sink));

        // Same position, different content (a corrupted replay): the position decides.
        Assert.False(_analytics.Apply(first, _sink));
        Assert.False(_analytics.Apply(first with { Price = 999m, Size = 50m, Timestamp = first.Timestamp.AddMinutes(5) }, _sink));

        Assert.Equal(1, _analytics.Sequence);
        Assert.Equal(1, _analytics.TradeCount);
        Assert.Equal(2m, _analytics.Volume);
        Assert.Equal(200m, _analytics.Turnover);
        Assert.Equal(100m, _analytics.LastPrice);
        Assert.Equal(1, _analytics.Sma[0].Count);
        Assert.Equal(1, _analytics.Candles[0].OpenBar.TradeCount);
    }

    [Fact]
    public void An_offset_below_the_highest_applied_is_skipped_even_if_it_was_never_seen()
    {
        var at = TickFeed.Time("2024-05-01T10:00:00Z");
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 5), _sink));
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 9), _sink));
        Assert.False(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 7), _sink));
        Assert.False(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 9), _sink));
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 10), _sink));
        Assert.Equal(3, _analytics.Sequence);
        Assert.Equal(10, _analytics.Offsets.Highest[0]);
    }

    [Fact]
    public void Each_partition_keeps_its_own_highest_offset()
    {
        var at = TickFeed.Time("2024-05-01T10:00:00Z");
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 100), _sink));
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 1, 3), _sink));
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 2, 0), _sink));
        Assert.False(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 1, 3), _sink));
        Assert.False(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 0, 50), _sink));
        Assert.True(_analytics.Apply(new Tick("SYM", 1m, 1m, at, 1, 50), _sink));

        Assert.Equal(4, _analytics.Sequence);
        Assert.Equal(new Dictionary<int, long> { [0] = 100, [1] = 50, [2] = 0 }, _analytics.Offsets.Highest);
    }
}
