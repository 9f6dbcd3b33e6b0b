using static Pricing.Grains.Tests.TickFeed;

namespace Pricing.Grains.Tests;

/// <summary>The rolling 24h open, high, low and volume, in one-hour buckets here.</summary>
public sealed class DayRangeTests
{
    private readonly DayRange _day = new(TimeSpan.FromDays(1), TimeSpan.FromHours(1));

    [Fact]
    public void The_24h_window_rolls_forward_bucket_by_bucket()
    {
        _day.Add(Ticks("2024-05-01T00:30Z"), 120m, 1m);
        _day.Add(Ticks("2024-05-01T10:00Z"), 90m, 2m);
        _day.Add(Ticks("2024-05-01T23:59Z"), 95m, 3m);
        Assert.Equal((120m, 120m, 90m, 6m), (_day.Open, _day.High, _day.Low, _day.Volume));

        // Newest bucket 2024-05-02T00: the window is 05-01T01 .. 05-02T00, so 00:30 has left.
        _day.Add(Ticks("2024-05-02T00:10Z"), 100m, 4m);
        Assert.Equal((90m, 100m, 90m, 9m), (_day.Open, _day.High, _day.Low, _day.Volume));

        // 05-02T10 leaves only 05-01T11 onwards: the low of 10:00 has gone.
        _day.Add(Ticks("2024-05-02T10:00Z"), 97m, 1m);
        Assert.Equal((95m, 100m, 95m, 8m), (_day.Open, _day.High, _day.Low, _day.Volume));
    }

    [Fact]
    public void The_open_is_the_earliest_event_time_in_the_window_and_the_first_to_arrive_on_ties()
    {
        _day.Add(Ticks("2024-05-01T12:00Z"), 100m, 1m);
        _day.Add(Ticks("2024-05-01T11:00Z"), 98m, 1m);
        _day.Add(Ticks("2024-05-01T11:00Z"), 97m, 1m);
        _day.Add(Ticks("2024-05-01T13:00Z"), 101m, 1m);

        Assert.Equal(98m, _day.Open);
    }

    [Fact]
    public void A_tick_older_than_the_window_is_ignored()
    {
        _day.Add(Ticks("2024-05-02T12:00Z"), 100m, 1m);

        Assert.False(_day.Add(Ticks("2024-05-01T12:59Z"), 1m, 50m));
        Assert.True(_day.Add(Ticks("2024-05-01T13:00Z"), 200m, 1m));

        Assert.Equal((200m, 200m, 100m, 2m), (_day.Open, _day.High, _day.Low, _day.Volume));
    }

    [Fact]
    public void After_a_gap_of_more_than_a_day_only_the_new_tick_remains()
    {
        _day.Add(Ticks("2024-05-01T12:00Z"), 50m, 1m);
        _day.Add(Ticks("2024-05-01T13:00Z"), 150m, 1m);
        _day.Add(Ticks("2024-05-04T00:00Z"), 100m, 2m);

        Assert.Equal((100m, 100m, 100m, 2m), (_day.Open, _day.High, _day.Low, _day.Volume));
    }
}
