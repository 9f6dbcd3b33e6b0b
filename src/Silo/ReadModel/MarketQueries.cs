using System.Globalization;
using Pricing.Grains;
using Pricing.Runtime;

namespace Pricing.Silo.ReadModel;

/// <summary>
/// Answers reads. A symbol hosted here is read from its grain (the freshest values), with deeper
/// pages continued from the history store; a symbol another silo hosts is read from the
/// last-value cache and the shared history, so no request needs to reach a particular silo.
/// Symbols not in the last-value cache are unknown: no grain is activated for them.
/// </summary>
internal sealed class MarketQueries(
    IGrainFactory grains,
    ISymbolLocality locality,
    LastValueCache cache,
    ISymbolHistoryStore history,
    IMarketSummaryFeed summary,
    IRemoteSymbolStats? remoteStats = null) : IMarketQueries
{
    public ValueTask<IReadOnlyList<SymbolSummary>> GetSymbolsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SymbolSummary>>(
            [.. cache.All.OrderBy(q => q.Symbol, StringComparer.Ordinal).Select(MarketSummaryCalculator.ToSummary)]);

    public async ValueTask<Quote?> GetQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(symbol, out var cached))
        {
            return null;
        }

        return locality.IsLocal(symbol) ? await Grain(symbol).GetQuoteAsync() ?? cached : cached;
    }

    public async ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken)
    {
        if (!cache.Contains(symbol))
        {
            return null;
        }

        return locality.IsLocal(symbol)
            ? await Grain(symbol).GetStatsAsync()
            : await RemoteStatsAsync(symbol, cancellationToken);
    }

    public async ValueTask<Page<Candle>?> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        if (!cache.Contains(symbol))
        {
            return null;
        }

        // One more than asked tells whether an older page exists.
        var items = new List<Candle>(limit + 1);
        if (locality.IsLocal(symbol))
        {
            items.AddRange(await Grain(symbol).GetCandlesAsync(new CandleQuery(interval, limit + 1, before)));
        }
        else if (await RemoteStatsAsync(symbol, cancellationToken) is { } stats)
        {
            // The open candle lives in the owner's grain; its copy in the last-value cache is at most a second old.
            var name = interval.ToName();
            items.AddRange(stats.OpenCandles.Where(c => c.Interval == name && (before is null || c.Start < before)));
        }

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

        var items = new List<Trade>(limit + 1);
        if (locality.IsLocal(symbol))
        {
            items.AddRange(await Grain(symbol).GetTradesAsync(new TradeQuery(limit + 1, beforeTradeId)));
        }

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

    private ValueTask<SymbolStats?> RemoteStatsAsync(string symbol, CancellationToken cancellationToken) =>
        remoteStats?.GetStatsAsync(symbol, cancellationToken) ?? ValueTask.FromResult<SymbolStats?>(null);

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
