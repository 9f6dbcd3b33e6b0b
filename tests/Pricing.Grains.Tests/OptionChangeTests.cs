using Pricing.Grains.Symbol;
using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>
/// Analytics settings changed between writing and reading the state: offsets, sequence, counts and
/// every other statistic continue; only the statistic whose shape changed restarts empty.
/// </summary>
public sealed class OptionChangeTests
{
    private const int Seed = 77;
    private const int Cut = 1700;

    public static TheoryData<string> Changes() =>
    [
        "sma period", "sma added", "ema period", "ema order", "volatility window", "tick vwap length",
        "vwap window length", "vwap window resolution", "day resolution", "candle retention",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changing_one_option_restarts_only_that_statistic_and_keeps_offsets_and_counts(string change)
    {
        var before = Options();
        var after = Options();
        string[] restarts = change switch
        {
            "sma period" => Set(() => after.SmaPeriods = [5, 7], "sma-7"),
            "sma added" => Set(() => after.SmaPeriods = [5, 10, 20], "sma-20"),
            "ema period" => Set(() => after.EmaPeriods = [12, 30], "ema-30"),
            "ema order" => Set(() => after.EmaPeriods = [12, 3]),
            "volatility window" => Set(() => after.VolatilityWindow = 20, "volatility"),
            "tick vwap length" => Set(() => after.VwapTicks = 9, "vwap-ticks"),
            "vwap window length" => Set(() => after.VwapWindow = TimeSpan.FromSeconds(20), "vwap-window"),
            "vwap window resolution" => Set(() => after.VwapWindowResolution = TimeSpan.FromSeconds(2), "vwap-window"),
            "day resolution" => Set(() => after.DayWindowResolution = TimeSpan.FromMinutes(15), "day"),
            "candle retention" => Set(() => after.CandleRetention = 4),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var ticks = RandomTickSequences.Generate(Seed, 3000, before.LateTickGrace).ToList();
        var all = new NaiveMarket();
        var sinceRestart = new NaiveMarket();
        var history = new Restarts();
        var analytics = new SymbolAnalytics(before);
        for (var i = 0; i < ticks.Count; i++)
        {
            if (i == Cut)
            {
                // Restarted candles start empty here; restoring history into them is a separate case (GraceChangeTests).
                analytics = await history.RestartAsync(analytics, after, restoreHistory: !restarts.Contains("candles"));
            }

            if (all.Apply(ticks[i]) && i >= Cut)
            {
                sinceRestart.Apply(ticks[i]);
            }

            analytics.Apply(ticks[i], history.Outbox);
            // Just after the restart (a restarted window is still short) and at the end.
            if (i is Cut or Cut + 2 or Cut + 5 || i == ticks.Count - 1)
            {
                Check(analytics, all, sinceRestart, after, restarts, $"seed {Seed}, {change} changed before tick {Cut}, after tick {i}; restarted: [{string.Join(", ", restarts)}]");
            }
        }
    }

    private static void Check(SymbolAnalytics analytics, NaiveMarket all, NaiveMarket sinceRestart, SymbolAnalyticsOptions after, string[] restarts, string context)
    {
        NaiveMarket For(string statistic) => restarts.Contains(statistic) ? sinceRestart : all;
        var m = new Mismatches(context);
        ReferenceAssert.Core(m, analytics, all);
        ReferenceAssert.VwapTicks(m, analytics.VwapTicks, For("vwap-ticks"));
        ReferenceAssert.VwapWindow(m, analytics.VwapWindow, For("vwap-window"));
        ReferenceAssert.Day(m, analytics.Day, For("day"), after.DayWindowResolution);
        foreach (var sma in analytics.Sma)
        {
            ReferenceAssert.Sma(m, sma, For($"sma-{sma.Period}"));
        }

        foreach (var ema in analytics.Ema)
        {
            ReferenceAssert.Ema(m, ema, For($"ema-{ema.Period}"));
        }

        ReferenceAssert.Volatility(m, analytics.Volatility, For("volatility"));
        foreach (var series in analytics.Candles)
        {
            ReferenceAssert.Candles(m, series, For("candles"), after);
        }

        m.ThrowIfAny();
    }

    private static SymbolAnalyticsOptions Options() => new()
    {
        VwapTicks = 7,
        VwapWindow = TimeSpan.FromSeconds(10),
        VwapWindowResolution = TimeSpan.FromSeconds(1),
        DayWindowResolution = TimeSpan.FromMinutes(5),
        SmaPeriods = [5, 10],
        EmaPeriods = [3, 12],
        VolatilityWindow = 10,
        CandleRetention = 5000,
        LateTickGrace = TimeSpan.FromSeconds(5),
    };

    private static string[] Set(Action change, params string[] restarts)
    {
        change();
        return restarts;
    }
}
