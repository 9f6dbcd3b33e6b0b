using System.Globalization;
using Pricing.Grains;
using Pricing.Runtime;

namespace Pricing.Silo.ReadModel;

/// <summary>
/// Reads answered by this silo's symbol grains (which hold the freshest values), continued from
/// the history store for pages older than what a grain keeps in memory. Symbols not in the
/// last-value cache are unknown: no grain is activated for them.
/// </summary>
internal sealed class GrainMarketQueries(
    IGrainFactory grains,
    LastValueCache cache,
    ISymbolHistoryStore history,
    IMarketSummaryFeed summary) : IMarketQueries
{
    public ValueTask<IReadOnlyList<SymbolSummary>> GetSymbolsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SymbolSummary>>(
            [.. cache.All.OrderBy(q => q.Symbol, StringComparer.Ordinal).Select(MarketSummaryCalculator.ToSummary)]);

    public async ValueTask<Quote?> GetQuoteAsync(string symbol, CancellationToken cancellationToken) =>
        cache.Contains(symbol) ? await Grain(symbol).GetQuoteAsync() : null;

    public async ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken) =>
        cache.Contains(symbol) ? await Grain(symbol).GetStatsAsync() : null;

    public async ValueTask<Page<Candle>?> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        if (!cache.Contains(symbol))
        {
            return null;
        }

        // One more than asked tells whether an older page exists.
        var items = new List<Candle>(await Grain(symbol).GetCandlesAsync(new CandleQuery(interval, limit + 1, before)));
        if (items.Count <= limit)
        {
            var olderThan = items.Count > 0 ? items[^1].Start : before;
            items.AddRange(await history.GetCandlesAsync(symbol, interval, limit + 1 - items.Count, olderThan, cancellationToken));
        }

        return ToPage(items, limit, c => c.Start.ToUnixTimeMilliseconds());
    }

    public async ValueTask<Page<Trade>?> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken)
    {
        if (!cache.Contains(symbol))
        {
            return null;
        }

        var items = new List<Trade>(await Grain(symbol).GetTradesAsync(new TradeQuery(limit + 1, beforeTradeId)));
        if (items.Count <= limit)
        {
            var olderThan = items.Count > 0 ? items[^1].TradeId : beforeTradeId;
            items.AddRange(await history.GetTradesAsync(symbol, limit + 1 - items.Count, olderThan, cancellationToken));
        }

        return ToPage(items, limit, t => t.TradeId);
    }

    public ValueTask<MarketSummary> GetMarketSummaryAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(summary.Current);

    private ISymbolGrain Grain(string symbol) => grains.GetGrain<ISymbolGrain>(symbol);

    /// <summary>The first <paramref name="limit"/> items, and a cursor at the last of them if more exist.</summary>
    private static Page<T> ToPage<T>(List<T> items, int limit, Func<T, long> cursorOf)
    {
        if (items.Count <= limit)
        {
            return new Page<T>(items, null);
        }

        items.RemoveRange(limit, items.Count - limit);
        return new Page<T>(items, cursorOf(items[^1]).ToString(CultureInfo.InvariantCulture));
    }
}
