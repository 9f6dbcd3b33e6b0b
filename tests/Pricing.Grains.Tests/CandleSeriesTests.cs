using static Pricing.Grains.Tests.TickFeed;

namespace Pricing.Grains.Tests;

/// <summary>Hand-written edge cases of <see cref="CandleSeries"/>: closing, amending, late ticks, ties, retention.</summary>
public sealed class CandleSeriesTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_open_candle_closes_when_a_tick_opens_the_next_bucket()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        Assert.Equal(CandleChange.OpenUpdated, series.Add(Ticks("2024-05-01T10:00:10Z"), 100m, 1m));
        Assert.Equal(CandleChange.OpenUpdated, series.Add(Ticks("2024-05-01T10:00:59.9999999Z"), 101m, 2m));
        Assert.Equal(0, series.ClosedCount);

        // The end is exclusive: exactly 10:01:00 opens the next bucket.
        Assert.Equal(CandleChange.Closed, series.Add(Ticks("2024-05-01T10:01:00Z"), 102m, 1m));

        var closed = series.LastChangedClosed;
        Assert.Equal(Ticks("2024-05-01T10:00:00Z"), closed.Start);
        Assert.Equal((100m, 101m, 100m, 101m, 3m, 302m, 2L, 0), (closed.Open, closed.High, closed.Low, closed.Close, closed.Volume, closed.Notional, closed.TradeCount, closed.Revision));
        Assert.Equal(1, series.ClosedCount);
        Assert.Equal(closed, series.ClosedAt(0));
        Assert.Equal(Ticks("2024-05-01T10:01:00Z"), series.OpenBar.Start);
        Assert.Equal(1, series.OpenBar.TradeCount);
    }

    [Fact]
    public void A_gap_closes_the_open_candle_without_creating_empty_candles()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        series.Add(Ticks("2024-05-01T10:00:10Z"), 100m, 1m);
        Assert.Equal(CandleChange.Closed, series.Add(Ticks("2024-05-01T13:07:00Z"), 100m, 1m));
        Assert.Equal(1, series.ClosedCount);
        Assert.Equal(Ticks("2024-05-01T13:07:00Z"), series.OpenBar.Start);
    }

    [Fact]
    public void A_late_tick_within_the_grace_period_amends_the_closed_candle_and_bumps_its_revision()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        series.Add(Ticks("2024-05-01T10:00:30Z"), 100m, 1m);
        series.Add(Ticks("2024-05-01T10:01:02Z"), 101m, 1m);

        Assert.Equal(CandleChange.Amended, series.Add(Ticks("2024-05-01T10:00:59Z"), 105m, 2m));
        var amended = series.LastChangedClosed;
        Assert.Equal((100m, 105m, 100m, 105m, 3m, 310m, 2L, 1), (amended.Open, amended.High, amended.Low, amended.Close, amended.Volume, amended.Notional, amended.TradeCount, amended.Revision));

        // An earlier event time than the open: it becomes the open; the close stays.
        Assert.Equal(CandleChange.Amended, series.Add(Ticks("2024-05-01T10:00:10Z"), 99m, 1m));
        amended = series.ClosedAt(0);
        Assert.Equal((99m, 105m, 99m, 105m, 3L, 2), (amended.Open, amended.High, amended.Low, amended.Close, amended.TradeCount, amended.Revision));
        Assert.Equal(Ticks("2024-05-01T10:00:10Z"), amended.OpenTicks);

        Assert.Equal(1, series.OpenBar.TradeCount);
        Assert.Equal(0, series.LateTicks);
    }

    [Fact]
    public void The_grace_period_ends_exactly_at_the_candle_end_plus_grace()
    {
        var within = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        within.Add(Ticks("2024-05-01T10:00:30Z"), 100m, 1m);
        within.Add(Ticks("2024-05-01T10:01:04.9999999Z"), 100m, 1m);
        Assert.Equal(CandleChange.Amended, within.Add(Ticks("2024-05-01T10:00:40Z"), 100m, 1m));

        var beyond = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        beyond.Add(Ticks("2024-05-01T10:00:30Z"), 100m, 1m);
        beyond.Add(Ticks("2024-05-01T10:01:05Z"), 100m, 1m);
        Assert.Equal(CandleChange.Late, beyond.Add(Ticks("2024-05-01T10:00:40Z"), 100m, 1m));
        Assert.Equal(1, beyond.LateTicks);
    }

    [Fact]
    public void A_tick_beyond_the_grace_period_is_counted_late_and_not_applied_to_the_candle()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        series.Add(Ticks("2024-05-01T10:00:30Z"), 100m, 1m);
        series.Add(Ticks("2024-05-01T10:03:00Z"), 101m, 1m);
        var before = series.ClosedAt(0);

        Assert.Equal(CandleChange.Late, series.Add(Ticks("2024-05-01T10:00:31Z"), 500m, 9m));
        Assert.Equal(CandleChange.Late, series.Add(Ticks("2024-05-01T10:01:59Z"), 500m, 9m));

        Assert.Equal(2, series.LateTicks);
        Assert.Equal(before, series.ClosedAt(0));
        Assert.Equal(1, series.ClosedCount);
    }

    [Fact]
    public void A_late_tick_into_an_empty_bucket_creates_a_closed_candle_with_revision_1()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, TimeSpan.FromHours(1));
        series.Add(Ticks("2024-05-01T10:00:30Z"), 100m, 1m);
        series.Add(Ticks("2024-05-01T10:05:30Z"), 101m, 1m);
        series.Add(Ticks("2024-05-01T10:10:30Z"), 102m, 1m);

        Assert.Equal(CandleChange.Amended, series.Add(Ticks("2024-05-01T10:03:15Z"), 99m, 4m));

        var created = series.LastChangedClosed;
        Assert.Equal(Ticks("2024-05-01T10:03:00Z"), created.Start);
        Assert.Equal((99m, 99m, 99m, 99m, 4m, 1L, 1), (created.Open, created.High, created.Low, created.Close, created.Volume, created.TradeCount, created.Revision));
        Assert.Equal(
            [Ticks("2024-05-01T10:00:00Z"), Ticks("2024-05-01T10:03:00Z"), Ticks("2024-05-01T10:05:00Z")],
            Enumerable.Range(0, series.ClosedCount).Select(i => series.ClosedAt(i).Start));
    }

    [Fact]
    public void Of_equal_event_times_the_first_to_arrive_opens_and_the_last_to_arrive_closes()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        series.Add(Ticks("2024-05-01T10:00:30Z"), 5m, 1m);
        series.Add(Ticks("2024-05-01T10:00:10Z"), 6m, 1m);
        series.Add(Ticks("2024-05-01T10:00:10Z"), 7m, 1m);
        series.Add(Ticks("2024-05-01T10:00:50Z"), 8m, 1m);
        series.Add(Ticks("2024-05-01T10:00:50Z"), 9m, 1m);
        series.Add(Ticks("2024-05-01T10:00:20Z"), 10m, 1m);

        Assert.Equal(6m, series.OpenBar.Open);
        Assert.Equal(9m, series.OpenBar.Close);

        var same = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
        foreach (var price in new[] { 1m, 2m, 3m })
        {
            same.Add(Ticks("2024-05-01T10:00:00Z"), price, 1m);
        }

        Assert.Equal((1m, 3m), (same.OpenBar.Open, same.OpenBar.Close));
    }

    [Fact]
    public void Any_arrival_order_within_a_bucket_gives_the_same_candle()
    {
        (long Ticks, decimal Price, decimal Size)[] trades =
        [
            (Ticks("2024-05-01T10:00:01Z"), 100.10m, 3m),
            (Ticks("2024-05-01T10:00:13Z"), 100.30m, 1.5m),
            (Ticks("2024-05-01T10:00:27Z"), 99.95m, 2m),
            (Ticks("2024-05-01T10:00:44Z"), 100.05m, 0.25m),
            (Ticks("2024-05-01T10:00:58Z"), 100.20m, 7m),
        ];
        CandleBar? first = null;
        foreach (var order in Permutations([.. Enumerable.Range(0, trades.Length)]))
        {
            var series = new CandleSeries(CandleInterval.OneMinute, 10, Grace);
            foreach (var i in order)
            {
                series.Add(trades[i].Ticks, trades[i].Price, trades[i].Size);
            }

            first ??= series.OpenBar;
            Assert.Equal(first, series.OpenBar);
        }

        Assert.Equal((100.10m, 100.30m, 99.95m, 100.20m, 13.75m), (first!.Value.Open, first.Value.High, first.Value.Low, first.Value.Close, first.Value.Volume));
    }

    [Fact]
    public void Four_hour_and_day_buckets_are_aligned_to_utc_midnight_whatever_the_timestamp_offset()
    {
        var analytics = new SymbolAnalytics(new SymbolAnalyticsOptions());
        var sink = new Reference.RecordingCandleSink();
        var feed = new TickFeed();
        // 02:30 at +05:30 is 21:00 UTC the day before.
        analytics.Apply(feed.At("2024-03-10T02:30:00+05:30", 100m), sink);

        Assert.Equal(Ticks("2024-03-09T21:00:00Z"), analytics.Candles[(int)CandleInterval.OneMinute].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-09T21:00:00Z"), analytics.Candles[(int)CandleInterval.FifteenMinutes].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-09T21:00:00Z"), analytics.Candles[(int)CandleInterval.OneHour].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-09T20:00:00Z"), analytics.Candles[(int)CandleInterval.FourHours].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-09T00:00:00Z"), analytics.Candles[(int)CandleInterval.OneDay].OpenBar.Start);

        // The last 100 ns of the UTC day and its first instant are in different day and 4h candles.
        analytics.Apply(feed.At("2024-03-09T23:59:59.9999999Z", 101m), sink);
        Assert.Equal(Ticks("2024-03-09T00:00:00Z"), analytics.Candles[(int)CandleInterval.OneDay].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-09T20:00:00Z"), analytics.Candles[(int)CandleInterval.FourHours].OpenBar.Start);
        analytics.Apply(feed.At("2024-03-10T01:00:00+01:00", 102m), sink);
        Assert.Equal(Ticks("2024-03-10T00:00:00Z"), analytics.Candles[(int)CandleInterval.OneDay].OpenBar.Start);
        Assert.Equal(Ticks("2024-03-10T00:00:00Z"), analytics.Candles[(int)CandleInterval.FourHours].OpenBar.Start);

        var day = analytics.Candles[(int)CandleInterval.OneDay].ClosedAt(0).ToCandle("SYM", CandleInterval.OneDay, TimeSpan.TicksPerDay, closed: true);
        Assert.Equal((Time("2024-03-09T00:00:00Z"), Time("2024-03-10T00:00:00Z")), (day.Start, day.End));
        Assert.Equal(TimeSpan.Zero, day.Start.Offset);
    }

    [Fact]
    public void Retention_keeps_the_last_closed_candles_and_history_still_hears_of_every_one()
    {
        var analytics = new SymbolAnalytics(new SymbolAnalyticsOptions { CandleRetention = 3 });
        var sink = new Reference.RecordingCandleSink();
        var feed = new TickFeed();
        for (var minute = 0; minute < 6; minute++)
        {
            analytics.Apply(feed.At($"2024-05-01T10:{minute:00}:30Z", 100m + minute), sink);
        }

        var series = analytics.Candles[(int)CandleInterval.OneMinute];
        Assert.Equal(
            [Ticks("2024-05-01T10:02:00Z"), Ticks("2024-05-01T10:03:00Z"), Ticks("2024-05-01T10:04:00Z")],
            Enumerable.Range(0, series.ClosedCount).Select(i => series.ClosedAt(i).Start));
        Assert.Equal(Ticks("2024-05-01T10:05:00Z"), series.OpenBar.Start);
        Assert.Equal(5, sink.Closed(CandleInterval.OneMinute, "SYM").Count);
    }

    [Fact]
    public void A_late_tick_for_a_bucket_older_than_the_retained_candles_is_counted_late()
    {
        // The retained candles are the ones kept "for reads and amendments": an older bucket,
        // even within the grace period, can no longer be amended in memory.
        var series = new CandleSeries(CandleInterval.OneMinute, 2, TimeSpan.FromHours(1));
        foreach (var at in new[] { "10:00:30", "10:02:30", "10:04:30", "10:06:30" })
        {
            series.Add(Ticks($"2024-05-01T{at}Z"), 100m, 1m);
        }

        Assert.Equal(CandleChange.Late, series.Add(Ticks("2024-05-01T10:01:30Z"), 100m, 1m));
        Assert.Equal(CandleChange.Late, series.Add(Ticks("2024-05-01T10:00:40Z"), 100m, 1m));
        Assert.Equal(2, series.LateTicks);

        // A gap bucket newer than the oldest retained one is created, and the oldest falls out.
        Assert.Equal(CandleChange.Amended, series.Add(Ticks("2024-05-01T10:03:30Z"), 100m, 1m));
        Assert.Equal(
            [Ticks("2024-05-01T10:03:00Z"), Ticks("2024-05-01T10:04:00Z")],
            Enumerable.Range(0, series.ClosedCount).Select(i => series.ClosedAt(i).Start));
    }

    [Fact]
    public void Restoring_closed_candles_keeps_the_newest_retained_ones_before_the_open_candle_in_order()
    {
        var series = new CandleSeries(CandleInterval.OneMinute, 3, Grace);
        series.Add(Ticks("2024-05-01T10:05:30Z"), 100m, 1m);
        var history = new[] { "10:04", "10:01", "10:05", "10:03", "10:02", "10:06" }
            .Select(m => CandleBar.First(Ticks($"2024-05-01T{m}:00Z"), Ticks($"2024-05-01T{m}:10Z"), 1m, 1m));

        series.RestoreClosed(history);

        Assert.Equal(
            [Ticks("2024-05-01T10:02:00Z"), Ticks("2024-05-01T10:03:00Z"), Ticks("2024-05-01T10:04:00Z")],
            Enumerable.Range(0, series.ClosedCount).Select(i => series.ClosedAt(i).Start));
    }

    [Fact]
    public void A_closed_candle_survives_the_round_trip_through_history()
    {
        var bar = CandleBar.First(Ticks("2024-05-01T10:00:00Z"), Ticks("2024-05-01T10:00:07.1234567Z"), 100.25m, 3.5m);
        bar.Add(Ticks("2024-05-01T10:00:42Z"), 101.5m, 0.125m);
        bar.Add(Ticks("2024-05-01T10:00:03Z"), 99.75m, 10m);
        bar.Revision = 2;

        var candle = bar.ToCandle("SYM", CandleInterval.OneMinute, TimeSpan.TicksPerMinute, closed: true);

        Assert.Equal(bar, CandleBar.FromCandle(candle));
        Assert.Equal((Time("2024-05-01T10:00:03Z"), Time("2024-05-01T10:00:42Z")), (candle.FirstTradeAt, candle.LastTradeAt));
        Assert.Equal(candle.Turnover / candle.Volume, candle.Vwap);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
