namespace Pricing.Grains.Tests.Reference;

/// <summary>
/// Candles of one interval from the applied ticks, by definition. With M the greatest event time
/// of the ticks applied before a tick, the tick is accepted if it is the first, if its bucket is
/// not older than M's, or if M is before its bucket's end plus the grace period; otherwise it is
/// late. A candle aggregates the accepted ticks of its bucket; its revision counts the accepted
/// ticks that arrived when their bucket was already older than M's (amendments).
/// </summary>
internal static class NaiveCandles
{
    /// <summary>The candles of buckets of <paramref name="length"/>; only the newest <paramref name="depth"/> closed ones are built, the rest counted.</summary>
    public static RefCandleSeries Compute(ReadOnlySpan<AppliedTick> ticks, long length, long grace, int depth = int.MaxValue)
    {
        if (ticks.Length == 0)
        {
            return new RefCandleSeries([], null, 0, 0);
        }

        // Which ticks each bucket accepts, and whether as an amendment.
        var amends = new bool?[ticks.Length];
        var starts = new HashSet<long>();
        long late = 0;
        var maxBefore = long.MinValue;
        for (var i = 0; i < ticks.Length; i++)
        {
            var tick = ticks[i];
            var start = BucketStart(tick.UtcTicks, length);
            amends[i] = i == 0 || start >= BucketStart(maxBefore, length) ? false
                : maxBefore < start + length + grace ? true
                : null;
            if (amends[i] is null)
            {
                late++;
            }
            else
            {
                starts.Add(start);
            }

            maxBefore = Math.Max(maxBefore, tick.UtcTicks);
        }

        var openStart = BucketStart(maxBefore, length);
        var closedStarts = starts.Where(s => s < openStart).Order().ToList();
        var oldestBuilt = closedStarts.Count > depth ? closedStarts[^depth] : long.MinValue;
        var buckets = new SortedDictionary<long, List<(AppliedTick Tick, bool Amends)>>();
        for (var i = 0; i < ticks.Length; i++)
        {
            var start = BucketStart(ticks[i].UtcTicks, length);
            if (amends[i] is { } a && start >= oldestBuilt)
            {
                if (!buckets.TryGetValue(start, out var accepted))
                {
                    buckets[start] = accepted = [];
                }

                accepted.Add((ticks[i], a));
            }
        }

        var closed = buckets.Where(b => b.Key < openStart).Select(b => Build(b.Key, b.Value)).ToList();
        return new RefCandleSeries(closed, Build(openStart, buckets[openStart]), late, closedStarts.Count);
    }

    public static long BucketStart(long utcTicks, long length) => utcTicks - (utcTicks % length);

    /// <summary>The candle of the bucket starting at <paramref name="start"/> from its accepted ticks, given in arrival order.</summary>
    private static RefCandle Build(long start, List<(AppliedTick Tick, bool Amends)> accepted)
    {
        var earliest = accepted.Min(a => a.Tick.UtcTicks);
        var latest = accepted.Max(a => a.Tick.UtcTicks);
        return new RefCandle(
            start,
            Open: accepted.First(a => a.Tick.UtcTicks == earliest).Tick.Price,
            High: accepted.Max(a => a.Tick.Price),
            Low: accepted.Min(a => a.Tick.Price),
            Close: accepted.Last(a => a.Tick.UtcTicks == latest).Tick.Price,
            Volume: accepted.Sum(a => a.Tick.Size),
            Turnover: accepted.Sum(a => a.Tick.Price * a.Tick.Size),
            TradeCount: accepted.Count,
            Revision: accepted.Count(a => a.Amends),
            FirstTradeTicks: earliest,
            LastTradeTicks: latest);
    }
}
