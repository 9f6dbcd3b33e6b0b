namespace Pricing.Grains.Analytics;

/// <summary>
/// Everything computed for one symbol, composed from the small analytics beside it. Counts,
/// volume, turnover, last trade and candles are exact decimals; the tick-count windows (VWAP,
/// SMA, EMA, volatility) follow input order; the time windows (VWAP window, 24h range,
/// candles) follow event time. Pure: no I/O, no clock, no allocation per tick.
/// </summary>
internal sealed class SymbolAnalytics
{
    public SymbolAnalytics(SymbolAnalyticsOptions options)
    {
        Options = options;
        VwapTicks = new TickWindowVwap(options.VwapTicks);
        VwapWindow = new TimeWindowVwap(options.VwapWindow, options.VwapWindowResolution);
        Day = new DayRange(TimeSpan.FromDays(1), options.DayWindowResolution);
        Sma = [.. options.EffectiveSmaPeriods.Select(p => new SimpleMovingAverage(p))];
        Ema = [.. options.EffectiveEmaPeriods.Select(p => new ExponentialMovingAverage(p))];
        Volatility = new RollingVolatility(options.VolatilityWindow);
        Candles = [.. CandleIntervals.All.Select(i => new CandleSeries(i, options.CandleRetention, options.LateTickGrace))];
    }

    public SymbolAnalyticsOptions Options { get; }

    /// <summary>Bumped by one for every applied tick.</summary>
    public long Sequence { get; private set; }

    public long TradeCount { get; private set; }

    public decimal Volume { get; private set; }

    public decimal Turnover { get; private set; }

    public bool HasTrades => TradeCount > 0;

    /// <summary>The trade with the latest event time (of equal times, the last to arrive).</summary>
    public decimal LastPrice { get; private set; }

    public decimal LastSize { get; private set; }

    public long LastTicks { get; private set; }

    public AppliedOffsets Offsets { get; } = new();

    public TickWindowVwap VwapTicks { get; }

    public TimeWindowVwap VwapWindow { get; }

    public DayRange Day { get; }

    public SimpleMovingAverage[] Sma { get; }

    public ExponentialMovingAverage[] Ema { get; }

    public RollingVolatility Volatility { get; }

    /// <summary>One series per <see cref="CandleInterval"/>, indexed by its value.</summary>
    public CandleSeries[] Candles { get; }

    /// <summary>Applies the tick unless its offset was already applied; returns whether it was applied.</summary>
    public bool Apply(in Tick tick, ICandleChangeSink candleChanges)
    {
        if (!Offsets.TryAdvance(tick.Partition, tick.Offset))
        {
            return false;
        }

        var price = tick.Price;
        var size = tick.Size;
        var utcTicks = tick.Timestamp.UtcTicks;

        Sequence++;
        TradeCount++;
        Volume += size;
        Turnover += price * size;
        if (TradeCount == 1 || utcTicks >= LastTicks)
        {
            LastPrice = price;
            LastSize = size;
            LastTicks = utcTicks;
        }

        VwapTicks.Add(price, size);
        VwapWindow.Add(utcTicks, price, size);
        Day.Add(utcTicks, price, size);
        foreach (var sma in Sma)
        {
            sma.Add(price);
        }

        foreach (var ema in Ema)
        {
            ema.Add(price);
        }

        Volatility.Add(price);
        foreach (var series in Candles)
        {
            var change = series.Add(utcTicks, price, size);
            if (change is CandleChange.Closed or CandleChange.Amended)
            {
                candleChanges.OnClosedCandleChanged(series.Interval, series.LastChangedClosed);
            }
        }

        return true;
    }

    /// <summary>Restores the core counters; used by the state codec.</summary>
    internal void RestoreCore(long sequence, long tradeCount, decimal volume, decimal turnover, decimal lastPrice, decimal lastSize, long lastTicks)
    {
        Sequence = sequence;
        TradeCount = tradeCount;
        Volume = volume;
        Turnover = turnover;
        LastPrice = lastPrice;
        LastSize = lastSize;
        LastTicks = lastTicks;
    }
}
