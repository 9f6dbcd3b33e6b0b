namespace Pricing.Grains;

/// <summary>
/// Trades and closed candles beyond what a symbol grain holds in memory. Writes happen through
/// the symbol grain's storage, together with its state; reads serve deep pages and rebuild a
/// grain's recent history on activation.
/// </summary>
public interface ISymbolHistoryStore
{
    /// <summary>Trades newest first, with ids below <paramref name="beforeTradeId"/> when given.</summary>
    Task<IReadOnlyList<Trade>> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken);

    /// <summary>Closed candles newest first, starting before <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken);

    /// <summary>The most recent trades with their input positions, newest first (to rebuild the grain's recent-trade ring).</summary>
    Task<IReadOnlyList<HistoryTrade>> GetRecentHistoryTradesAsync(string symbol, int limit, CancellationToken cancellationToken);
}
