namespace Pricing.Grains;

/// <summary>Every statistic of a symbol, for <c>GET /symbols/{symbol}/stats</c>.</summary>
public sealed record SymbolStats(
    Quote Quote,
    decimal Turnover,
    decimal VwapAllTime,
    RollingVwap VwapTicks,
    RollingVwap VwapWindow,
    IReadOnlyList<MovingAverage> Sma,
    IReadOnlyList<MovingAverage> Ema,
    Volatility Volatility,
    IReadOnlyList<Candle> OpenCandles,
    IReadOnlyList<LateTickCount> LateTicks,
    IReadOnlyDictionary<int, long> AppliedOffsets);

/// <summary>A rolling VWAP: over the last <paramref name="Ticks"/> ticks, or over a time window of <paramref name="WindowSeconds"/>.</summary>
public sealed record RollingVwap(decimal? Value, int? Ticks, double? WindowSeconds, int Count);

/// <summary>A moving average of last prices over <paramref name="Period"/> ticks; null until there is data.</summary>
public sealed record MovingAverage(int Period, double? Value, int Count);

/// <summary>Sample standard deviation of log returns over the last <paramref name="Window"/> returns (per trade, not annualised).</summary>
public sealed record Volatility(int Window, double? StdDevLogReturns, int Count);

/// <summary>Ticks too late for an interval's candles (older than the grace period), counted, not dropped from other statistics.</summary>
public sealed record LateTickCount(string Interval, long Count);
