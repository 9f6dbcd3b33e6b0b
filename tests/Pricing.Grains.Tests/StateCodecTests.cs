using Pricing.Grains.Symbol;
using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>
/// <see cref="SymbolStateCodec"/>: stopping and starting again at any point, with closed candles
/// restored from history, continues exactly like a run that never stopped.
/// </summary>
public sealed class StateCodecTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(201, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Restarting_at_random_points_continues_exactly_like_an_uninterrupted_run(int seed)
    {
        var grace = RandomTickSequences.Grace(seed);
        var ticks = RandomTickSequences.Generate(seed, 2500, grace).ToList();
        // A small retention where the reference can follow it (see AnalyticsAgreeWithReferenceTests).
        var retention = grace < TimeSpan.FromMinutes(1) && seed % 2 == 1 ? 3 + (seed % 5) : ticks.Count;
        var options = RandomTickSequences.Options(seed, retention);
        var rng = new Random(seed);
        var restartAt = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(ticks.Count)).Append(0).ToHashSet();

        var uninterrupted = new SymbolAnalytics(options);
        var uninterruptedHistory = new RecordingCandleSink();
        var restarts = new Restarts();
        var restarted = new SymbolAnalytics(options);
        var reference = new NaiveMarket();
        for (var i = 0; i < ticks.Count; i++)
        {
            if (restartAt.Contains(i))
            {
                restarted = await restarts.RestartAsync(restarted);
            }

            reference.Apply(ticks[i]);
            uninterrupted.Apply(ticks[i], uninterruptedHistory);
            restarted.Apply(ticks[i], restarts.Outbox);
        }

        var context = $"seed {seed}, restarts before ticks [{string.Join(", ", restartAt.Order())}]";
        var m = new Mismatches(context);
        // Everything stored is identical: offsets, counts, sums, windows, EMA bits, open candles.
        m.Equal("encoded state", Convert.ToHexString(Encode(uninterrupted)), Convert.ToHexString(Encode(restarted)));
        foreach (var interval in CandleIntervals.All)
        {
            var a = uninterrupted.Candles[(int)interval];
            var b = restarted.Candles[(int)interval];
            m.Equal($"{interval.ToName()} closed candles held", a.ClosedCount, b.ClosedCount);
            for (var i = 0; i < Math.Min(a.ClosedCount, b.ClosedCount); i++)
            {
                if (!a.ClosedAt(i).Equals(b.ClosedAt(i)))
                {
                    m.Add($"{interval.ToName()} closed[{i}]: uninterrupted {Describe(a.ClosedAt(i))}, restarted {Describe(b.ClosedAt(i))}");
                }
            }
        }

        // Volatility keeps running Welford sums that are not stored (it recomputes them from the
        // returns on decode), so it is compared with the reference, last, rather than bit for bit.
        m.Equal("volatility present", uninterrupted.Volatility.StdDev.HasValue, restarted.Volatility.StdDev.HasValue);
        m.ThrowIfAny();

        await HistoryHoldsEveryClosedCandle(restarts, uninterruptedHistory, context);
        ReferenceAssert.Matches(restarted, reference, context, volatility: false);
        var vol = new Mismatches(context);
        ReferenceAssert.Volatility(vol, restarted.Volatility, reference);
        vol.ThrowIfAny();
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Encoding_a_decoded_state_gives_the_same_bytes(int seed)
    {
        var options = RandomTickSequences.Options(seed, candleRetention: 100);
        var analytics = new SymbolAnalytics(options);
        foreach (var tick in RandomTickSequences.Generate(seed, 1500, options.LateTickGrace))
        {
            analytics.Apply(tick, new RecordingCandleSink());
        }

        var codec = Restarts.Codec(options);
        var bytes = Encode(analytics);
        Assert.Equal(bytes, codec.Encode(codec.Decode(bytes)));
    }

    [Fact]
    public void A_state_without_analytics_decodes_without_analytics()
    {
        var codec = Restarts.Codec(new SymbolAnalyticsOptions());
        Assert.Null(codec.Decode(codec.Encode(new SymbolState())).Analytics);
    }

    [Fact]
    public void A_symbol_without_ticks_round_trips_and_then_matches_the_reference()
    {
        var options = new SymbolAnalyticsOptions();
        var codec = Restarts.Codec(options);
        var analytics = codec.Decode(codec.Encode(new SymbolState { Analytics = new SymbolAnalytics(options) })).Analytics!;
        var reference = new NaiveMarket();
        ReferenceAssert.Matches(analytics, reference, "fresh");

        foreach (var tick in RandomTickSequences.Generate(11, 300, options.LateTickGrace))
        {
            reference.Apply(tick);
            analytics.Apply(tick, new RecordingCandleSink());
        }

        ReferenceAssert.Matches(analytics, reference, "seed 11 after a round trip of an empty state");
    }

    [Fact]
    public void A_state_of_another_format_version_is_refused()
    {
        var codec = Restarts.Codec(new SymbolAnalyticsOptions());
        var bytes = codec.Encode(new SymbolState { Analytics = new SymbolAnalytics(new SymbolAnalyticsOptions()) });
        bytes[0]++;
        Assert.Throws<InvalidDataException>(() => codec.Decode(bytes));
    }

    internal static byte[] Encode(SymbolAnalytics analytics) =>
        Restarts.Codec(analytics.Options).Encode(new SymbolState { Analytics = analytics });

    private static async Task HistoryHoldsEveryClosedCandle(Restarts restarts, RecordingCandleSink uninterrupted, string context)
    {
        // Flush what the last stretch produced, as the grain's next write would.
        restarts.History.Append(RandomTickSequences.Symbol, [], restarts.Outbox.Candles(RandomTickSequences.Symbol));
        var m = new Mismatches(context);
        foreach (var interval in CandleIntervals.All)
        {
            var expected = uninterrupted.Closed(interval, RandomTickSequences.Symbol);
            var actual = await restarts.History.GetCandlesAsync(RandomTickSequences.Symbol, interval, int.MaxValue, before: null, CancellationToken.None);
            m.Equal($"{interval.ToName()} candles in history", expected.Count, actual.Count);
            for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            {
                if (expected[i] != actual[i])
                {
                    m.Add($"{interval.ToName()} history[{i}]: uninterrupted {expected[i]}, restarted {actual[i]}");
                }
            }
        }

        m.ThrowIfAny();
    }

    private static string Describe(CandleBar b) =>
        $"{new DateTime(b.Start, DateTimeKind.Utc):O} O {b.Open} H {b.High} L {b.Low} C {b.Close} V {b.Volume} N {b.Notional} n {b.TradeCount} rev {b.Revision}";
}
