using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>Recomputes the market summary at a fixed interval from the last-value cache and tells subscribers.</summary>
internal sealed partial class MarketSummaryService(
    LastValueCache cache,
    IOptions<MarketSummaryOptions> options,
    TimeProvider time,
    ILogger<MarketSummaryService> logger) : BackgroundService, IMarketSummaryFeed
{
    private MarketSummary _current = MarketSummaryCalculator.Compute([], time.GetUtcNow(), 0, options.Value.TopCount);

    public MarketSummary Current => Volatile.Read(ref _current);

    public event Action<MarketSummary>? Updated;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        using var timer = new PeriodicTimer(interval, time);
        var previousTrades = 0L;
        var previousAt = time.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var quotes = cache.All.ToList();
                var trades = quotes.Sum(q => q.TradeCount);
                var now = time.GetTimestamp();
                var seconds = time.GetElapsedTime(previousAt, now).TotalSeconds;
                var rate = seconds > 0 && previousTrades > 0 ? Math.Max(0, trades - previousTrades) / seconds : 0;
                (previousTrades, previousAt) = (trades, now);
                var summary = MarketSummaryCalculator.Compute(quotes, time.GetUtcNow(), Math.Round(rate, 1), options.Value.TopCount);
                Volatile.Write(ref _current, summary);
                Updated?.Invoke(summary);
            }
            catch (Exception ex)
            {
                LogSummaryFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Computing the market summary failed")]
    private partial void LogSummaryFailed(Exception exception);
}
