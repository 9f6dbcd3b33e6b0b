using Pricing.Grains.Analytics;

namespace Pricing.Grains.Symbol;

/// <summary>
/// History produced since the last state write: trades applied and closed candles created or
/// amended. It is written in the same write as the state (see <see cref="ISymbolHistoryStore"/>),
/// so history holds a trade exactly when the stored state has applied it. Lists are reused, so
/// steady-state ticks allocate nothing here.
/// </summary>
public sealed class HistoryOutbox : ICandleChangeSink
{
    private readonly List<HistoryTrade> _trades = [];
    private readonly Dictionary<(CandleInterval Interval, long Start), CandleBar> _candles = [];

    public IReadOnlyList<HistoryTrade> Trades => _trades;

    public bool IsEmpty => _trades.Count == 0 && _candles.Count == 0;

    internal void AddTrade(in HistoryTrade trade) => _trades.Add(trade);

    void ICandleChangeSink.OnClosedCandleChanged(CandleInterval interval, in CandleBar bar) =>
        _candles[(interval, bar.Start)] = bar;

    /// <summary>Closed candles changed since the last write, latest revision of each.</summary>
    public IReadOnlyList<Candle> Candles(string symbol) =>
        [.. _candles.Select(e => e.Value.ToCandle(symbol, e.Key.Interval, e.Key.Interval.ToTimeSpan().Ticks, closed: true))];

    public void Clear()
    {
        _trades.Clear();
        _candles.Clear();
    }
}
