using Pricing.Grains.Symbol;

namespace Pricing.Grains.Tests.Reference;

/// <summary>Compares every statistic of a <see cref="SymbolAnalytics"/> with the reference.</summary>
internal static class ReferenceAssert
{
    public const string Symbol = "SYM";

    /// <summary>Every statistic (volatility unless told not to), the quote and stats records, and the in-memory candles.</summary>
    public static void Matches(SymbolAnalytics actual, NaiveMarket expected, string context, bool volatility = true)
    {
        var m = new Mismatches(context);
        Core(m, actual, expected);
        VwapTicks(m, actual.VwapTicks, expected);
        VwapWindow(m, actual.VwapWindow, expected);
        Day(m, actual.Day, expected, actual.Options.DayWindowResolution);
        foreach (var sma in actual.Sma)
        {
            Sma(m, sma, expected);
        }

        foreach (var ema in actual.Ema)
        {
            Ema(m, ema, expected);
        }

        if (volatility)
        {
            Volatility(m, actual.Volatility, expected);
        }

        foreach (var series in actual.Candles)
        {
            Candles(m, series, expected, actual.Options);
        }

        if (expected.Count > 0)
        {
            Snapshots(m, actual, expected);
        }

        m.ThrowIfAny();
    }

    public static void Core(Mismatches m, SymbolAnalytics actual, NaiveMarket expected)
    {
        m.Equal("Sequence", (long)expected.Count, actual.Sequence);
        m.Equal("TradeCount", (long)expected.Count, actual.TradeCount);
        m.Equal("HasTrades", expected.Count > 0, actual.HasTrades);
        m.Equal("Volume", expected.Volume, actual.Volume);
        m.Equal("Turnover", expected.Turnover, actual.Turnover);
        m.Equal("applied offsets", Describe(expected.HighestOffsets), Describe(actual.Offsets.Highest));
        if (expected.Count > 0)
        {
            var last = expected.Last;
            m.Equal("LastPrice", last.Price, actual.LastPrice);
            m.Equal("LastSize", last.Size, actual.LastSize);
            m.Equal("LastTicks", last.UtcTicks, actual.LastTicks);
        }
    }

    public static void VwapTicks(Mismatches m, TickWindowVwap actual, NaiveMarket expected)
    {
        var e = expected.TickWindowVwap(actual.Ticks);
        m.Equal($"VwapTicks({actual.Ticks}).Value", e.Value, actual.Value);
        m.Equal($"VwapTicks({actual.Ticks}).Count", e.Count, actual.Count);
    }

    public static void VwapWindow(Mismatches m, TimeWindowVwap actual, NaiveMarket expected)
    {
        var what = $"VwapWindow({actual.Length}/{TimeSpan.FromTicks(actual.Resolution)})";
        var e = expected.Count == 0 ? new RefVwap(null, 0) : expected.TimeWindowVwap(actual.Length, TimeSpan.FromTicks(actual.Resolution));
        m.Equal($"{what}.Value", e.Value, actual.Value);
        m.Equal($"{what}.Count", e.Count, actual.Count);
    }

    public static void Day(Mismatches m, DayRange actual, NaiveMarket expected, TimeSpan resolution)
    {
        if (expected.Count == 0)
        {
            m.Equal("Day.Volume", 0m, actual.Volume);
            return;
        }

        var e = expected.DayRange(resolution);
        m.Equal($"Day({resolution}).Open", e.Open, actual.Open);
        m.Equal($"Day({resolution}).High", e.High, actual.High);
        m.Equal($"Day({resolution}).Low", e.Low, actual.Low);
        m.Equal($"Day({resolution}).Volume", e.Volume, actual.Volume);
    }

    public static void Sma(Mismatches m, SimpleMovingAverage actual, NaiveMarket expected)
    {
        m.Equal($"Sma({actual.Period}).Value", expected.Sma(actual.Period), actual.Value);
        m.Equal($"Sma({actual.Period}).Count", Math.Min(actual.Period, expected.Count), actual.Count);
    }

    public static void Ema(Mismatches m, ExponentialMovingAverage actual, NaiveMarket expected)
    {
        var e = expected.Ema(actual.Period);
        m.Equal($"Ema({actual.Period}).Count", (long)expected.Count, actual.Count);
        m.Equal($"Ema({actual.Period}).HasValue", e.HasValue, actual.Value.HasValue);
        if (e.HasValue && actual.Value.HasValue)
        {
            m.True(Tolerance.EmaAgrees(e.Value, actual.Value.Value), $"Ema({actual.Period}): expected {e:R}, actual {actual.Value:R}");
        }
    }

    public static void Volatility(Mismatches m, RollingVolatility actual, NaiveMarket expected)
    {
        var e = expected.Volatility(actual.Window);
        m.Equal($"Volatility({actual.Window}).Count", e.Count, actual.Count);
        m.Equal($"Volatility({actual.Window}).HasValue", e.StdDev.HasValue, actual.StdDev.HasValue);
        if (e.StdDev.HasValue && actual.StdDev.HasValue)
        {
            m.True(
                Tolerance.VolatilityAgrees(e.StdDev.Value, actual.StdDev.Value),
                $"Volatility({actual.Window}): expected {e.StdDev:R}, actual {actual.StdDev:R}, relative error {(actual.StdDev.Value - e.StdDev.Value) / e.StdDev.Value:E2} (largest |return| in or recently out of the window {e.ReturnScale:E2})");
        }
    }

    /// <summary>Late count, open candle and the closed candles held (the newest <c>retain</c> of the reference's).</summary>
    public static void Candles(Mismatches m, CandleSeries actual, NaiveMarket expected, SymbolAnalyticsOptions options)
    {
        var interval = actual.Interval;
        var e = expected.Candles(interval, options.LateTickGrace);
        var name = interval.ToName();
        m.Equal($"{name} LateTicks", e.LateTicks, actual.LateTicks);
        m.Equal($"{name} HasOpen", e.Open is not null, actual.HasOpen);
        if (e.Open is not null && actual.HasOpen)
        {
            m.Equal($"{name} open candle", e.Open.ToCandle(interval, closed: false), actual.OpenBar.ToCandle(Symbol, interval, actual.Length, closed: false));
        }

        var held = Math.Min(options.CandleRetention, e.ClosedTotal);
        m.Equal($"{name} closed candles held", held, actual.ClosedCount);
        m.True(e.Closed.Count >= held, $"{name}: the reference was built {e.Closed.Count} candles deep, fewer than the {held} held");
        var skip = e.Closed.Count - held;
        for (var i = 0; i < Math.Min(held, actual.ClosedCount); i++)
        {
            var ec = e.Closed[skip + i].ToCandle(interval, closed: true);
            var ac = actual.ClosedAt(i).ToCandle(Symbol, interval, actual.Length, closed: true);
            if (ec != ac)
            {
                m.Add($"{name} closed[{i}]: expected {ec}, actual {ac}");
            }
        }
    }

    /// <summary>The quote and the stats record as clients see them.</summary>
    public static void Snapshots(Mismatches m, SymbolAnalytics actual, NaiveMarket expected)
    {
        var o = actual.Options;
        var stats = actual.ToStats(Symbol);
        m.Equal("quote", ExpectedQuote(expected, o), stats.Quote);
        m.Equal("stats.Turnover", expected.Turnover, stats.Turnover);
        m.Equal("stats.VwapAllTime", expected.VwapAllTime, stats.VwapAllTime);
        var ticks = expected.TickWindowVwap(o.VwapTicks);
        m.Equal("stats.VwapTicks", new RollingVwap(ticks.Value, o.VwapTicks, null, ticks.Count), stats.VwapTicks);
        var window = expected.TimeWindowVwap(o.VwapWindow, o.VwapWindowResolution);
        m.Equal("stats.VwapWindow", new RollingVwap(window.Value, null, o.VwapWindow.TotalSeconds, window.Count), stats.VwapWindow);
        m.Equal("stats.Sma", Describe(o.EffectiveSmaPeriods.Select(p => new MovingAverage(p, (double?)expected.Sma(p), Math.Min(p, expected.Count)))), Describe(stats.Sma));
        m.Equal("stats.Ema periods", Describe(o.EffectiveEmaPeriods), Describe(stats.Ema.Select(e => e.Period)));
        m.Equal("stats.Volatility window", o.VolatilityWindow, stats.Volatility.Window);
        var open = CandleIntervals.All.Select(i => expected.Candles(i, o.LateTickGrace).Open!.ToCandle(i, closed: false));
        m.Equal("stats.OpenCandles", Describe(open), Describe(stats.OpenCandles));
        var late = CandleIntervals.All.Select(i => new LateTickCount(i.ToName(), expected.Candles(i, o.LateTickGrace).LateTicks));
        m.Equal("stats.LateTicks", Describe(late), Describe(stats.LateTicks));
        m.Equal("stats.AppliedOffsets", Describe(expected.HighestOffsets), Describe(stats.AppliedOffsets));
    }

    public static Quote ExpectedQuote(NaiveMarket expected, SymbolAnalyticsOptions o)
    {
        var last = expected.Last;
        var day = expected.DayRange(o.DayWindowResolution);
        var change = last.Price - day.Open;
        return new Quote(
            Symbol,
            expected.Count,
            last.Price,
            last.Size,
            new DateTimeOffset(last.UtcTicks, TimeSpan.Zero),
            change,
            Math.Round(change / day.Open * 100m, 6),
            day.High,
            day.Low,
            day.Volume,
            expected.TimeWindowVwap(o.VwapWindow, o.VwapWindowResolution).Value!.Value,
            expected.Count,
            expected.Volume);
    }

    public static Candle ToCandle(this RefCandle c, CandleInterval interval, bool closed) => new(
        Symbol,
        interval.ToName(),
        new DateTimeOffset(c.Start, TimeSpan.Zero),
        new DateTimeOffset(c.Start + interval.ToTimeSpan().Ticks, TimeSpan.Zero),
        c.Open,
        c.High,
        c.Low,
        c.Close,
        c.Volume,
        c.Turnover,
        c.Vwap,
        c.TradeCount,
        closed,
        c.Revision,
        new DateTimeOffset(c.FirstTradeTicks, TimeSpan.Zero),
        new DateTimeOffset(c.LastTradeTicks, TimeSpan.Zero));

    private static string Describe<T>(IEnumerable<T> items) => "[" + string.Join(", ", items) + "]";

    private static string Describe(IReadOnlyDictionary<int, long> offsets) =>
        "{" + string.Join(", ", offsets.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}")) + "}";
}
