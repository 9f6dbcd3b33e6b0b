using Pricing.Grains.Analytics;

namespace Pricing.Grains.Symbol;

/// <summary>Builds the records clients see from a symbol's analytics.</summary>
internal static class SymbolSnapshots
{
    public static Quote ToQuote(this SymbolAnalytics a, string symbol)
    {
        var open = a.Day.Open;
        var change = a.LastPrice - open;
        return new Quote(
            symbol,
            a.Sequence,
            a.LastPrice,
            a.LastSize,
            new DateTimeOffset(a.LastTicks, TimeSpan.Zero),
            change,
            open != 0 ? Math.Round(change / open * 100m, 6) : 0m,
            a.Day.High,
            a.Day.Low,
            a.Day.Volume,
            a.VwapWindow.Value ?? a.LastPrice,
            a.TradeCount,
            a.Volume);
    }

    public static SymbolStats ToStats(this SymbolAnalytics a, string symbol) => new(
        a.ToQuote(symbol),
        a.Turnover,
        a.Volume > 0 ? a.Turnover / a.Volume : a.LastPrice,
        new RollingVwap(a.VwapTicks.Value, a.VwapTicks.Ticks, null, a.VwapTicks.Count),
        new RollingVwap(a.VwapWindow.Value, null, a.VwapWindow.Length.TotalSeconds, a.VwapWindow.Count),
        [.. a.Sma.Select(s => new MovingAverage(s.Period, (double?)s.Value, s.Count))],
        [.. a.Ema.Select(e => new MovingAverage(e.Period, e.Value, (int)Math.Min(e.Count, int.MaxValue)))],
        new Volatility(a.Volatility.Window, a.Volatility.StdDev, a.Volatility.Count),
        [.. a.Candles.Where(c => c.HasOpen).Select(c => c.OpenBar.ToCandle(symbol, c.Interval, c.Length, closed: false))],
        [.. a.Candles.Select(c => new LateTickCount(c.Interval.ToName(), c.LateTicks))],
        new Dictionary<int, long>(a.Offsets.Highest));

    /// <summary>Open and closed candles of one interval, newest first, starting before <paramref name="query"/>'s cursor.</summary>
    public static IReadOnlyList<Candle> RecentCandles(this SymbolAnalytics a, string symbol, CandleQuery query)
    {
        var series = a.Candles[(int)query.Interval];
        var before = query.Before?.UtcTicks ?? long.MaxValue;
        var result = new List<Candle>(Math.Min(query.Limit, series.ClosedCount + 1));
        if (series.HasOpen && series.OpenBar.Start < before && result.Count < query.Limit)
        {
            result.Add(series.OpenBar.ToCandle(symbol, series.Interval, series.Length, closed: false));
        }

        for (var i = series.ClosedCount - 1; i >= 0 && result.Count < query.Limit; i--)
        {
            var bar = series.ClosedAt(i);
            if (bar.Start < before)
            {
                result.Add(bar.ToCandle(symbol, series.Interval, series.Length, closed: true));
            }
        }

        return result;
    }
}
