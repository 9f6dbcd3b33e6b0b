using Pricing.Simulator.Cli.Expected;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Adds up the expected results of runs produced one after the other to one topic. Valid because a
/// later run's ticks come after the earlier run's in every partition (it starts once the earlier
/// one is delivered) and in event time (its start is later), so per symbol and candle bucket the
/// earlier run holds the open and the later one the close.
/// </summary>
internal static class ExpectedMerge
{
    public static ExpectedResults Then(this ExpectedResults first, ExpectedResults second)
    {
        var symbols = new SortedDictionary<string, ExpectedSymbol>(StringComparer.Ordinal);
        foreach (var (symbol, earlier) in first.Symbols)
        {
            symbols[symbol] = second.Symbols.TryGetValue(symbol, out var later) ? Combine(earlier, later) : earlier;
        }

        foreach (var (symbol, later) in second.Symbols)
        {
            symbols.TryAdd(symbol, later);
        }

        return first with
        {
            TotalTicks = first.TotalTicks + second.TotalTicks,
            BadMessages = [.. first.BadMessages.Concat(second.BadMessages).OrderBy(b => b.Partition).ThenBy(b => b.Offset)],
            Symbols = symbols,
        };
    }

    /// <summary>Malformed messages produced beside the simulator's.</summary>
    public static ExpectedResults WithBadMessages(this ExpectedResults results, IEnumerable<ExpectedBadMessage> more) =>
        results with { BadMessages = [.. results.BadMessages.Concat(more).OrderBy(b => b.Partition).ThenBy(b => b.Offset)] };

    private static ExpectedSymbol Combine(ExpectedSymbol earlier, ExpectedSymbol later)
    {
        if (later.FirstTimestamp < earlier.LastTimestamp)
        {
            throw new InvalidOperationException("The later run's ticks must not be older than the earlier run's.");
        }

        var volume = earlier.Volume + later.Volume;
        var turnover = earlier.Turnover + later.Turnover;
        var candles = new Dictionary<string, IReadOnlyList<ExpectedCandle>>(StringComparer.Ordinal);
        foreach (var interval in earlier.Candles.Keys.Union(later.Candles.Keys))
        {
            var byStart = new SortedDictionary<DateTimeOffset, ExpectedCandle>();
            foreach (var candle in earlier.Candles.GetValueOrDefault(interval) ?? [])
            {
                byStart[candle.Start] = candle;
            }

            foreach (var candle in later.Candles.GetValueOrDefault(interval) ?? [])
            {
                byStart[candle.Start] = byStart.TryGetValue(candle.Start, out var open) ? Combine(open, candle) : candle;
            }

            candles[interval] = [.. byStart.Values];
        }

        return new ExpectedSymbol
        {
            Count = earlier.Count + later.Count,
            Volume = volume,
            Turnover = turnover,
            Vwap = turnover / volume,
            LastPrice = later.LastPrice,
            FirstTimestamp = earlier.FirstTimestamp,
            LastTimestamp = later.LastTimestamp,
            Candles = candles,
        };
    }

    private static ExpectedCandle Combine(ExpectedCandle earlier, ExpectedCandle later) => new()
    {
        Start = earlier.Start,
        Open = earlier.Open,
        High = Math.Max(earlier.High, later.High),
        Low = Math.Min(earlier.Low, later.Low),
        Close = later.Close,
        Volume = earlier.Volume + later.Volume,
        Turnover = earlier.Turnover + later.Turnover,
        TradeCount = earlier.TradeCount + later.TradeCount,
    };
}
