namespace Pricing.Grains;

/// <summary>
/// Reads for the API and the hub. The silo decides where each answer comes from: the symbol's
/// grain when this silo owns it, otherwise the shared last-value cache and history store.
/// Methods return null for a symbol the service has never seen.
/// </summary>
public interface IMarketQueries
{
    /// <summary>Every known symbol with its last price, ordered by symbol.</summary>
    ValueTask<IReadOnlyList<SymbolSummary>> GetSymbolsAsync(CancellationToken cancellationToken);

    ValueTask<Quote?> GetQuoteAsync(string symbol, CancellationToken cancellationToken);

    ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Candles newest first; <paramref name="before"/> is the start of the oldest candle of the previous page.</summary>
    ValueTask<Page<Candle>?> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken);

    /// <summary>Trades newest first; <paramref name="beforeTradeId"/> is the trade id of the oldest trade of the previous page.</summary>
    ValueTask<Page<Trade>?> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken);

    ValueTask<MarketSummary> GetMarketSummaryAsync(CancellationToken cancellationToken);
}
