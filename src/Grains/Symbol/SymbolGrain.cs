using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Grains.Analytics;
using Pricing.Runtime;

namespace Pricing.Grains.Symbol;

/// <summary>
/// The grain of one symbol: applies ticks to its analytics exactly once per input offset,
/// publishes the new quote after each batch, and writes state plus the history produced since
/// the last write on a timer (write-behind) and on deactivation.
/// </summary>
[GrainType(GrainTypeName)]
[StorageProvider(ProviderName = StorageName)]
internal sealed partial class SymbolGrain(
    IOptions<SymbolAnalyticsOptions> analyticsOptions,
    IOptions<SymbolGrainOptions> grainOptions,
    IMarketUpdates updates,
    ISymbolHistoryStore history,
    ILogger<SymbolGrain> logger) : Grain<SymbolState>, ISymbolGrain
{
    public const string GrainTypeName = "symbol";
    public const string StorageName = "symbols";

    private readonly RingBuffer<HistoryTrade> _recentTrades = new(Math.Max(1, analyticsOptions.Value.RecentTrades));
    private string _symbol = string.Empty;
    private bool _dirty;

    private SymbolAnalytics Analytics => State.Analytics!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = GetPrimaryKeyString();
        State.Analytics ??= new SymbolAnalytics(analyticsOptions.Value);
        if (RecordExists)
        {
            await RestoreRecentHistoryAsync(cancellationToken);
        }

        if (Analytics.HasTrades)
        {
            // A previous activation (maybe on a silo that died) may not have announced its last
            // change before it went; the read model must end with the stored value.
            updates.Publish(Analytics.ToQuote(_symbol));
        }

        var flushInterval = grainOptions.Value.FlushInterval;
        RegisterGrainTimer(FlushIfChangedAsync, flushInterval, flushInterval);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!reason.MayWriteState)
        {
            if (_dirty)
            {
                LogDroppingUnwrittenState(_symbol, reason.ToString());
            }

            return;
        }

        await FlushIfChangedAsync(cancellationToken);
    }

    public ValueTask<ApplyResult> ApplyAsync(TickBatch batch)
    {
        var analytics = Analytics;
        var outbox = State.Outbox;
        int applied = 0, duplicates = 0;
        foreach (ref readonly var tick in batch.Ticks.Span)
        {
            if (!string.Equals(tick.Symbol, _symbol, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A tick of {tick.Symbol} was sent to the grain of {_symbol}.", nameof(batch));
            }

            if (!analytics.Apply(tick, outbox))
            {
                duplicates++;
                continue;
            }

            applied++;
            var trade = new HistoryTrade(analytics.TradeCount, tick.Price, tick.Size, tick.Timestamp.UtcTicks, tick.Partition, tick.Offset);
            outbox.AddTrade(trade);
            _recentTrades.Add(trade, out _);
        }

        if (applied > 0)
        {
            _dirty = true;
            updates.Publish(analytics.ToQuote(_symbol));
        }

        return ValueTask.FromResult(new ApplyResult(applied, duplicates, analytics.Sequence));
    }

    public ValueTask<Quote?> GetQuoteAsync() =>
        ValueTask.FromResult(Analytics.HasTrades ? Analytics.ToQuote(_symbol) : null);

    public ValueTask<SymbolStats?> GetStatsAsync() =>
        ValueTask.FromResult(Analytics.HasTrades ? Analytics.ToStats(_symbol) : null);

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(CandleQuery query) =>
        ValueTask.FromResult(Analytics.RecentCandles(_symbol, query));

    public ValueTask<IReadOnlyList<Trade>> GetTradesAsync(TradeQuery query)
    {
        var before = query.BeforeTradeId ?? long.MaxValue;
        var page = new List<Trade>(Math.Min(query.Limit, _recentTrades.Count));
        for (var i = _recentTrades.Count - 1; i >= 0 && page.Count < query.Limit; i--)
        {
            var trade = _recentTrades[i];
            if (trade.TradeId < before)
            {
                page.Add(trade.ToTrade(_symbol));
            }
        }

        // Trades older than the ring that are not written yet are in neither the ring nor the
        // history store, only in the state's outbox (oldest first): serve them from there, or
        // the caller's next read, from the store, would jump over them.
        var unwritten = State.Outbox.Trades;
        before = page.Count > 0 ? page[^1].TradeId : before;
        for (var i = unwritten.Count - 1; i >= 0 && page.Count < query.Limit; i--)
        {
            if (unwritten[i].TradeId < before)
            {
                page.Add(unwritten[i].ToTrade(_symbol));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Trade>>(page);
    }

    public async ValueTask FlushAsync() => await FlushIfChangedAsync(CancellationToken.None);

    private async Task FlushIfChangedAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        await WriteStateAsync();
        _dirty = false;
    }

    private async Task RestoreRecentHistoryAsync(CancellationToken cancellationToken)
    {
        foreach (var series in Analytics.Candles)
        {
            var closed = await history.GetCandlesAsync(_symbol, series.Interval, analyticsOptions.Value.CandleRetention, before: null, cancellationToken);
            series.RestoreClosed(closed.Select(CandleBar.FromCandle));
        }

        if (analyticsOptions.Value.RecentTrades > 0)
        {
            var trades = await history.GetRecentHistoryTradesAsync(_symbol, analyticsOptions.Value.RecentTrades, cancellationToken);
            for (var i = trades.Count - 1; i >= 0; i--)
            {
                _recentTrades.Add(trades[i], out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping unwritten state of {Symbol} ({Reason}); the new owner replays from the stored offsets")]
    private partial void LogDroppingUnwrittenState(string symbol, string reason);
}
