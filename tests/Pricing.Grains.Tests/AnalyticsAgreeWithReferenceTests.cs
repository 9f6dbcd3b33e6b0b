using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>
/// Random sequences through <see cref="SymbolAnalytics"/>, checked against <see cref="NaiveMarket"/>
/// at many checkpoints: every statistic, the quote and stats records, the candles held, what was
/// reported to history, and candle reads. Volatility has a test of its own, so that its known
/// precision bug (see RollingVolatilityTests) does not hide the other statistics.
/// </summary>
public sealed class AnalyticsAgreeWithReferenceTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 100)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_statistic_equals_the_reference_at_every_checkpoint(int seed)
    {
        var count = Count(seed);
        // With a grace period shorter than every interval, a late tick can only amend the newest
        // closed candle (or create the one just before the open bucket), so a tiny retention holds
        // exactly the newest K closed candles; half of those seeds exercise retention that way, the
        // others keep every candle.
        var grace = RandomTickSequences.Grace(seed);
        var retention = grace < TimeSpan.FromMinutes(1) && seed % 2 == 0 ? 1 + (seed % 7) : count;
        var options = RandomTickSequences.Options(seed, retention);
        var analytics = new SymbolAnalytics(options);
        var reference = new NaiveMarket();
        var sink = new RecordingCandleSink();
        var checkpoints = new Random(seed);
        var sent = 0;

        foreach (var tick in RandomTickSequences.Generate(seed, count, grace))
        {
            sent++;
            var expectApplied = reference.Apply(tick);
            var applied = analytics.Apply(tick, sink);
            Assert.True(expectApplied == applied, $"{Context(seed, sent, reference, options)}: Apply returned {applied} for {tick}");
            if (sent <= 5 || checkpoints.Next(250) == 0)
            {
                ReferenceAssert.Matches(analytics, reference, Context(seed, sent, reference, options), volatility: false);
            }
        }

        var context = Context(seed, sent, reference, options);
        ReferenceAssert.Matches(analytics, reference, context, volatility: false);
        var m = new Mismatches(context);
        HistoryAssert.ClosedCandlesReported(m, sink, reference, options.LateTickGrace);
        foreach (var query in RandomQueries(checkpoints, reference))
        {
            HistoryAssert.RecentCandles(m, analytics, reference, query);
        }

        m.ThrowIfAny();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Volatility_agrees_with_the_reference_to_1e9_relative_at_every_checkpoint(int seed)
    {
        var grace = RandomTickSequences.Grace(seed);
        var options = RandomTickSequences.Options(seed, candleRetention: 1);
        var analytics = new SymbolAnalytics(options);
        var reference = new NaiveMarket();
        var sink = new RecordingCandleSink();
        var sent = 0;
        foreach (var tick in RandomTickSequences.Generate(seed, Count(seed), grace))
        {
            sent++;
            reference.Apply(tick);
            analytics.Apply(tick, sink);
            if (sent % 10 == 0)
            {
                var m = new Mismatches(Context(seed, sent, reference, options));
                ReferenceAssert.Volatility(m, analytics.Volatility, reference);
                m.ThrowIfAny();
            }
        }
    }

    internal static string Context(int seed, int sent, NaiveMarket reference, SymbolAnalyticsOptions o) =>
        $"seed {seed}, after {sent} ticks sent ({reference.Count} applied); options: VwapTicks {o.VwapTicks}, " +
        $"VwapWindow {o.VwapWindow}/{o.VwapWindowResolution}, Day resolution {o.DayWindowResolution}, " +
        $"SMA [{string.Join(',', o.SmaPeriods)}], EMA [{string.Join(',', o.EmaPeriods)}], volatility {o.VolatilityWindow}, " +
        $"retention {o.CandleRetention}, grace {o.LateTickGrace}";

    private static int Count(int seed) => 2000 + (seed * 37 % 2000);

    /// <summary>Candle reads with and without a cursor, at bucket starts and between them, with small and large limits.</summary>
    private static IEnumerable<CandleQuery> RandomQueries(Random rng, NaiveMarket reference)
    {
        var first = reference.Ticks.Min(t => t.UtcTicks);
        var last = reference.Ticks.Max(t => t.UtcTicks);
        foreach (var interval in CandleIntervals.All)
        {
            yield return new CandleQuery(interval, 1_000_000, null);
            yield return new CandleQuery(interval, 1, null);
            for (var i = 0; i < 5; i++)
            {
                var at = rng.NextInt64(first, last + 1);
                var before = i % 2 == 0 ? interval.BucketStartTicks(at) : at;
                yield return new CandleQuery(interval, rng.Next(1, 30), new DateTimeOffset(before, TimeSpan.Zero));
            }
        }
    }
}
