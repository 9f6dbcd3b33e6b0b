using Pricing.Runtime;

namespace Pricing.Grains;

/// <summary>
/// One grain per symbol, keyed by the symbol. It owns the symbol's latest price, rolling
/// statistics, candles and the input offsets it has applied.
/// </summary>
public interface ISymbolGrain : IGrainWithStringKey
{
    /// <summary>Applies ticks in order, skipping those at or below the applied offset of their partition.</summary>
    ValueTask<ApplyResult> ApplyAsync(TickBatch batch);

    /// <summary>The latest quote; null if the symbol has no ticks.</summary>
    ValueTask<Quote?> GetQuoteAsync();

    /// <summary>All statistics; null if the symbol has no ticks.</summary>
    ValueTask<SymbolStats?> GetStatsAsync();

    /// <summary>
    /// Candles held in memory (the open one and the last closed ones), newest first, starting
    /// before <see cref="CandleQuery.Before"/> when given.
    /// </summary>
    ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(CandleQuery query);

    /// <summary>
    /// Recent trades held in memory, newest first, with trade ids below
    /// <see cref="TradeQuery.BeforeTradeId"/> when given; older ones are in the history store.
    /// </summary>
    ValueTask<IReadOnlyList<Trade>> GetTradesAsync(TradeQuery query);

    /// <summary>Writes state now if it changed (normally done by the write-behind timer).</summary>
    ValueTask FlushAsync();
}

/// <summary>Which trades to return: newest first, at most <paramref name="Limit"/>, with ids below <paramref name="BeforeTradeId"/> when given.</summary>
public readonly record struct TradeQuery(int Limit, long? BeforeTradeId);

/// <summary>Which candles to return: newest first, at most <paramref name="Limit"/>, all starting strictly before <paramref name="Before"/> when given.</summary>
public readonly record struct CandleQuery(CandleInterval Interval, int Limit, DateTimeOffset? Before);
