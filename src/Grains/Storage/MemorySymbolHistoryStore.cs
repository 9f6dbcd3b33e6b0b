using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Pricing.Grains.Analytics;

namespace Pricing.Grains.Storage;

/// <summary>
/// History for the embedded mode: per symbol, the last N trades and the last M closed candles
/// per interval, in memory. Appends come from the symbol grain's writes; reads from any thread.
/// </summary>
public sealed class MemorySymbolHistoryStore(IOptions<MemoryHistoryOptions> options) : ISymbolHistoryStore
{
    private readonly ConcurrentDictionary<string, SymbolHistory> _symbols = new(StringComparer.Ordinal);

    public void Append(string symbol, IReadOnlyList<HistoryTrade> trades, IReadOnlyList<Candle> candles)
    {
        var history = _symbols.GetOrAdd(symbol, static (_, o) => new SymbolHistory(o), options.Value);
        lock (history)
        {
            foreach (var trade in trades)
            {
                history.Trades.Add(trade, out _);
            }

            foreach (var candle in candles)
            {
                if (!CandleIntervals.TryParse(candle.Interval, out var interval))
                {
                    throw new ArgumentException($"Unknown candle interval '{candle.Interval}'.", nameof(candles));
                }

                var series = history.Candles[(int)interval];
                series[candle.Start.UtcTicks] = candle;
                while (series.Count > options.Value.CandlesPerInterval)
                {
                    series.RemoveAt(0);
                }
            }
        }
    }

    public Task<IReadOnlyList<Trade>> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken)
    {
        if (!_symbols.TryGetValue(symbol, out var history))
        {
            return Task.FromResult<IReadOnlyList<Trade>>([]);
        }

        lock (history)
        {
            var page = new List<Trade>(limit);
            for (var i = history.NewestIndexBefore(beforeTradeId ?? long.MaxValue); i >= 0 && page.Count < limit; i--)
            {
                page.Add(history.Trades[i].ToTrade(symbol));
            }

            return Task.FromResult<IReadOnlyList<Trade>>(page);
        }
    }

    public Task<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        if (!_symbols.TryGetValue(symbol, out var history))
        {
            return Task.FromResult<IReadOnlyList<Candle>>([]);
        }

        lock (history)
        {
            var beforeTicks = before?.UtcTicks ?? long.MaxValue;
            IReadOnlyList<Candle> page = [.. history.Candles[(int)interval].Values.Reverse().Where(c => c.Start.UtcTicks < beforeTicks).Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<HistoryTrade>> GetRecentHistoryTradesAsync(string symbol, int limit, CancellationToken cancellationToken)
    {
        if (!_symbols.TryGetValue(symbol, out var history))
        {
            return Task.FromResult<IReadOnlyList<HistoryTrade>>([]);
        }

        lock (history)
        {
            var page = new List<HistoryTrade>(limit);
            for (var i = history.Trades.Count - 1; i >= 0 && page.Count < limit; i--)
            {
                page.Add(history.Trades[i]);
            }

            return Task.FromResult<IReadOnlyList<HistoryTrade>>(page);
        }
    }

    private sealed class SymbolHistory(MemoryHistoryOptions options)
    {
        /// <summary>Oldest first; trade ids increase along the ring.</summary>
        public RingBuffer<HistoryTrade> Trades { get; } = new(options.TradesPerSymbol);

        public SortedList<long, Candle>[] Candles { get; } =
            [.. CandleIntervals.All.Select(_ => new SortedList<long, Candle>(Math.Min(options.CandlesPerInterval, 1024)))];

        /// <summary>Index of the newest trade with an id below <paramref name="beforeTradeId"/>, or -1.</summary>
        public int NewestIndexBefore(long beforeTradeId)
        {
            int low = 0, high = Trades.Count - 1, found = -1;
            while (low <= high)
            {
                var mid = low + ((high - low) / 2);
                if (Trades[mid].TradeId < beforeTradeId)
                {
                    found = mid;
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return found;
        }
    }
}
