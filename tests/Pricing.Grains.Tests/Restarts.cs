using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pricing.Grains.Storage;
using Pricing.Grains.Symbol;

namespace Pricing.Grains.Tests;

/// <summary>
/// A symbol's analytics stopped and started again the way <see cref="SymbolGrain"/> does it: state
/// and the history produced since the last write are written together; on activation the state is
/// decoded and the closed candles come back from history (RestoreRecentHistoryAsync).
/// </summary>
internal sealed class Restarts
{
    private const string Symbol = RandomTickSequences.Symbol;

    public MemorySymbolHistoryStore History { get; } =
        new(Options.Create(new MemoryHistoryOptions { CandlesPerInterval = 1_000_000, TradesPerSymbol = 1 }));

    /// <summary>The sink to apply ticks with: it collects what the next write sends to history.</summary>
    public HistoryOutbox Outbox { get; } = new();

    public static SymbolStateCodec Codec(SymbolAnalyticsOptions options) =>
        new(Options.Create(options), NullLogger<SymbolStateCodec>.Instance);

    /// <summary>Writes state and history, then activates again under <paramref name="options"/> (the same ones unless given).</summary>
    public async Task<SymbolAnalytics> RestartAsync(SymbolAnalytics running, SymbolAnalyticsOptions? options = null, bool restoreHistory = true)
    {
        options ??= running.Options;
        History.Append(Symbol, Outbox.Trades, Outbox.Candles(Symbol));
        Outbox.Clear();
        var stored = Codec(running.Options).Encode(new SymbolState { Analytics = running });

        var restored = Codec(options).Decode(stored).Analytics!;
        if (restoreHistory)
        {
            foreach (var series in restored.Candles)
            {
                var closed = await History.GetCandlesAsync(Symbol, series.Interval, options.CandleRetention, before: null, CancellationToken.None);
                series.RestoreClosed(closed.Select(CandleBar.FromCandle));
            }
        }

        return restored;
    }
}
