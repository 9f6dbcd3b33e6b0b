namespace Pricing.Grains.Tests;

/// <summary>
/// Seeded random tick sequences shaped like a feed at its worst: a price random walk with 2-4
/// decimals, heavy-tailed sizes, event times mostly increasing with jitter, out-of-order and
/// late ticks (within and beyond the grace period), equal timestamps, bursts in one bucket, gaps
/// of hours, replays of already applied offsets, several partitions, and timestamps carrying
/// non-UTC offsets. The same seed always gives the same sequence.
/// </summary>
internal static class RandomTickSequences
{
    public const string Symbol = "SYM";

    private static readonly TimeSpan[] Offsets =
        [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(-5), new TimeSpan(5, 30, 0), TimeSpan.FromHours(14)];

    private static readonly TimeSpan[] MeanGaps =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40)];

    private static readonly long[] CandleLengths = [.. CandleIntervals.All.Select(i => i.ToTimeSpan().Ticks)];

    private static readonly long[] ShortCandleLengths =
        [TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromMinutes(5).Ticks, TimeSpan.FromMinutes(15).Ticks, TimeSpan.FromHours(1).Ticks];

    public static IEnumerable<Tick> Generate(int seed, int count, TimeSpan grace)
    {
        var rng = new Random(seed);
        var decimals = rng.Next(2, 5);
        var step = 1m / Pow10(decimals);
        var priceSteps = (long)(rng.Next(5, 5000) / step);
        var minSteps = (long)(1m / step);
        var sizeDecimals = rng.Next(0, 4);
        var meanGap = MeanGaps[rng.Next(MeanGaps.Length)].Ticks;
        var now = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks + rng.NextInt64(TimeSpan.FromDays(730).Ticks);
        var lastTimestamp = now;
        var maxTimestamp = now;
        var queued = new Queue<long>(); // event times of amendments that follow a boundary crossing
        var partitions = rng.Next(1, 4);
        var partition = 0;
        var offsets = Enumerable.Range(0, partitions).Select(_ => rng.NextInt64(0, 1000)).ToArray();
        var recent = new List<Tick>(); // the last ticks sent, for replays
        var sent = 0;
        var burst = 0;

        while (sent < count)
        {
            // Replays: one recent tick, or a run of the latest ones as after a crash.
            var roll = rng.NextDouble();
            if (recent.Count > 0 && roll < 0.02)
            {
                var replay = recent[rng.Next(recent.Count)];
                sent++;
                yield return replay;
                continue;
            }

            if (recent.Count > 10 && roll < 0.023)
            {
                var run = rng.Next(2, 40);
                foreach (var replay in recent.Skip(Math.Max(0, recent.Count - run)).Take(count - sent).ToList())
                {
                    sent++;
                    yield return replay;
                }

                continue;
            }

            // Price: a random walk in steps, often unchanged, sometimes jumping.
            var move = rng.NextDouble() switch
            {
                < 0.35 => 0L,
                < 0.97 => rng.Next(1, 4) * (rng.Next(2) == 0 ? -1L : 1L),
                _ => (long)(priceSteps * (rng.NextDouble() - 0.5) * 0.1),
            };
            priceSteps = Math.Max(minSteps, priceSteps + move);

            // Event time: queued amendments first, else the clock moves on and the tick lands near it.
            long timestamp;
            if (queued.Count > 0)
            {
                timestamp = queued.Dequeue();
            }
            else
            {
                if (burst > 0)
                {
                    burst--;
                    now += rng.Next(0, 20_000);
                }
                else
                {
                    now += (long)(-Math.Log(1 - rng.NextDouble()) * meanGap);
                    if (rng.NextDouble() < 0.002)
                    {
                        now += rng.NextInt64(TimeSpan.FromHours(1).Ticks, TimeSpan.FromHours(50).Ticks);
                    }

                    if (rng.NextDouble() < 0.01)
                    {
                        burst = rng.Next(10, 100);
                    }
                }

                var kind = rng.NextDouble();
                timestamp = kind switch
                {
                    < 0.04 => lastTimestamp,
                    < 0.10 => now - rng.NextInt64(0, TimeSpan.FromSeconds(3).Ticks),
                    < 0.12 => JustBeforeBoundary(rng, maxTimestamp, grace),
                    < 0.135 => AcrossBoundary(rng, maxTimestamp, grace, queued),
                    < 0.145 => now - rng.NextInt64(TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromHours(30).Ticks),
                    _ => now + rng.NextInt64(-TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromMilliseconds(200).Ticks),
                };
                now = Math.Max(now, timestamp);
            }

            lastTimestamp = timestamp;
            maxTimestamp = Math.Max(maxTimestamp, timestamp);

            if (partitions > 1 && rng.NextDouble() < 0.02)
            {
                partition = rng.Next(partitions);
            }

            offsets[partition] += rng.NextDouble() < 0.05 ? rng.Next(2, 6) : 1;
            var tick = new Tick(
                Symbol,
                priceSteps * step,
                Size(rng, sizeDecimals),
                new DateTimeOffset(timestamp, TimeSpan.Zero).ToOffset(Offsets[rng.Next(Offsets.Length)]),
                partition,
                offsets[partition]);
            recent.Add(tick);
            if (recent.Count > 100)
            {
                recent.RemoveAt(0);
            }

            sent++;
            yield return tick;
        }
    }

    /// <summary>A mix of analytics settings, including tiny windows and periods so evictions happen all the time.</summary>
    public static SymbolAnalyticsOptions Options(int seed, int candleRetention)
    {
        var rng = new Random(seed ^ 0x5EED);
        (TimeSpan Length, TimeSpan Resolution)[] windows =
        [
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)),
            (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)),
            (TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)),
            (TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)),
            (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)),
            (TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(15)),
            (TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)),
        ];
        TimeSpan[] dayResolutions =
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromDays(1)];
        var window = windows[rng.Next(windows.Length)];
        return new SymbolAnalyticsOptions
        {
            VwapTicks = Pick(rng, [1, 2, 3, 7, 20, 100, 500]),
            VwapWindow = window.Length,
            VwapWindowResolution = window.Resolution,
            DayWindowResolution = dayResolutions[rng.Next(dayResolutions.Length)],
            SmaPeriods = Distinct(rng, [1, 2, 3, 5, 10, 20, 50, 200]),
            EmaPeriods = Distinct(rng, [1, 2, 3, 5, 12, 26, 100, 1000]),
            VolatilityWindow = Pick(rng, [2, 3, 5, 10, 50, 100, 1000]),
            CandleRetention = candleRetention,
            LateTickGrace = Grace(seed),
        };
    }

    /// <summary>The grace period of a seed's options (the generator aims late ticks around it).</summary>
    public static TimeSpan Grace(int seed) =>
        new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1) }[seed % 6];

    /// <summary>Just before the latest event time's bucket of some interval: late there, within the grace period or beyond it.</summary>
    private static long JustBeforeBoundary(Random rng, long latest, TimeSpan grace)
    {
        var length = CandleLengths[rng.Next(CandleLengths.Length)];
        var boundary = latest - (latest % length);
        return boundary - rng.NextInt64(1, (2 * grace.Ticks) + TimeSpan.FromSeconds(2).Ticks);
    }

    /// <summary>
    /// Just past the next boundary of a short interval (within the grace period), with one to three
    /// ticks queued for the bucket before it: amendments of a just-closed candle, or, if no trade
    /// fell in that bucket, a candle created late.
    /// </summary>
    private static long AcrossBoundary(Random rng, long latest, TimeSpan grace, Queue<long> queued)
    {
        var length = ShortCandleLengths[rng.Next(ShortCandleLengths.Length)];
        var boundary = latest - (latest % length) + length;
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            queued.Enqueue(boundary - rng.NextInt64(1, length));
        }

        return boundary + rng.NextInt64(0, Math.Max(1, grace.Ticks));
    }

    /// <summary>Heavy-tailed (Pareto, alpha 1.3) size, rounded to the sequence's decimals, at least one unit.</summary>
    private static decimal Size(Random rng, int decimals)
    {
        var unit = 1m / Pow10(decimals);
        var raw = Math.Min(1e6, 1.0 / Math.Pow(1 - rng.NextDouble(), 1 / 1.3));
        return Math.Max(unit, Math.Round((decimal)raw, decimals));
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    private static int Pick(Random rng, int[] values) => values[rng.Next(values.Length)];

    private static int[] Distinct(Random rng, int[] values) =>
        [.. values.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4))];
}
