using Pricing.Grains.Symbol;

namespace Pricing.Grains.Tests.Reference;

/// <summary>Checks what reaches history (closed candles) and what reads return (recent candles).</summary>
internal static class HistoryAssert
{
    /// <summary>The sink saw every closed candle of the reference, in its final revision, and nothing else (compared in detail as deep as the reference built them).</summary>
    public static void ClosedCandlesReported(Mismatches m, RecordingCandleSink sink, NaiveMarket expected, TimeSpan grace)
    {
        foreach (var interval in CandleIntervals.All)
        {
            var series = expected.Count == 0 ? new RefCandleSeries([], null, 0, 0) : expected.Candles(interval, grace);
            var e = series.Closed.Reverse().Select(c => c.ToCandle(interval, closed: true)).ToList();
            var a = sink.Closed(interval, ReferenceAssert.Symbol);
            m.Equal($"{interval.ToName()} closed candles reported", series.ClosedTotal, a.Count);
            for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
            {
                if (e[i] != a[i])
                {
                    m.Add($"{interval.ToName()} reported (newest first) [{i}]: expected {e[i]}, actual {a[i]}");
                }
            }
        }
    }

    /// <summary><see cref="SymbolSnapshots.RecentCandles"/>: open then closed, newest first, before the cursor, at most the limit.</summary>
    public static void RecentCandles(Mismatches m, SymbolAnalytics actual, NaiveMarket expected, CandleQuery query)
    {
        var interval = query.Interval;
        var series = expected.Count == 0 ? new RefCandleSeries([], null, 0, 0) : expected.Candles(interval, actual.Options.LateTickGrace);
        var held = series.Closed.Skip(Math.Max(0, series.Closed.Count - actual.Options.CandleRetention));
        var newestFirst = (series.Open is null ? [] : new[] { series.Open.ToCandle(interval, closed: false) })
            .Concat(held.Reverse().Select(c => c.ToCandle(interval, closed: true)));
        var before = query.Before?.UtcTicks ?? long.MaxValue;
        var e = newestFirst.Where(c => c.Start.UtcTicks < before).Take(query.Limit).ToList();
        var a = actual.RecentCandles(ReferenceAssert.Symbol, query);
        m.Equal($"RecentCandles({query}) count", e.Count, a.Count);
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            if (e[i] != a[i])
            {
                m.Add($"RecentCandles({query})[{i}]: expected {e[i]}, actual {a[i]}");
            }
        }
    }
}
