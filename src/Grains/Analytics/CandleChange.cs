namespace Pricing.Grains.Analytics;

/// <summary>What one tick did to a candle series.</summary>
internal enum CandleChange
{
    /// <summary>The open candle took the tick.</summary>
    OpenUpdated,
    /// <summary>The tick opened a new bucket; the previous open candle closed (see <see cref="CandleSeries.LastChangedClosed"/>).</summary>
    Closed,
    /// <summary>A late tick within the grace period amended a closed candle (see <see cref="CandleSeries.LastChangedClosed"/>).</summary>
    Amended,
    /// <summary>Too late for this interval: counted, not applied to its candles.</summary>
    Late,
}
