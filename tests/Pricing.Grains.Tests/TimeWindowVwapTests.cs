using static Pricing.Grains.Tests.TickFeed;

namespace Pricing.Grains.Tests;

/// <summary>The event-time VWAP window: which buckets it holds, and ticks that arrive too old.</summary>
public sealed class TimeWindowVwapTests
{
    // Five one-second buckets: with B the newest bucket, the window is buckets B-4 .. B.
    private readonly TimeWindowVwap _window = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

    [Fact]
    public void The_window_edge_is_exactly_at_the_oldest_bucket_it_holds()
    {
        Assert.True(_window.Add(Ticks("2024-05-01T10:00:00.9999999Z"), 10m, 1m));
        Assert.True(_window.Add(Ticks("2024-05-01T10:00:01Z"), 20m, 1m));
        Assert.True(_window.Add(Ticks("2024-05-01T10:00:05.5Z"), 30m, 2m));

        // B = 10:00:05, so 10:00:01 is the oldest bucket in; 10:00:00.9999999 has just left.
        Assert.Equal(2, _window.Count);
        Assert.Equal(80m / 3m, _window.Value);

        _window.Add(Ticks("2024-05-01T10:00:06Z"), 40m, 1m);
        Assert.Equal(2, _window.Count);
        Assert.Equal(100m / 3m, _window.Value);
    }

    [Fact]
    public void A_tick_older_than_the_window_when_it_arrives_is_never_counted()
    {
        _window.Add(Ticks("2024-05-01T10:00:10Z"), 10m, 1m);

        Assert.False(_window.Add(Ticks("2024-05-01T10:00:05.9Z"), 99m, 5m));
        Assert.True(_window.Add(Ticks("2024-05-01T10:00:06Z"), 20m, 1m));

        Assert.Equal(2, _window.Count);
        Assert.Equal(15m, _window.Value);
    }

    [Fact]
    public void After_a_gap_the_window_holds_only_the_new_ticks()
    {
        _window.Add(Ticks("2024-05-01T10:00:00Z"), 10m, 1m);
        _window.Add(Ticks("2024-05-01T10:00:03Z"), 11m, 1m);
        _window.Add(Ticks("2024-05-01T13:00:00Z"), 12m, 3m);

        Assert.Equal(1, _window.Count);
        Assert.Equal(12m, _window.Value);
    }

    [Fact]
    public void An_empty_window_has_no_value()
    {
        Assert.Equal(0, _window.Count);
        Assert.Null(_window.Value);
    }

    [Fact]
    public void A_window_of_one_bucket_holds_only_the_newest_bucket()
    {
        var window = new TimeWindowVwap(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        window.Add(Ticks("2024-05-01T10:04:59Z"), 10m, 1m);
        window.Add(Ticks("2024-05-01T10:00:00Z"), 20m, 1m);
        Assert.Equal((2, 15m), (window.Count, window.Value));

        window.Add(Ticks("2024-05-01T10:05:00Z"), 30m, 1m);
        Assert.Equal((1, 30m), (window.Count, window.Value));
    }
}
