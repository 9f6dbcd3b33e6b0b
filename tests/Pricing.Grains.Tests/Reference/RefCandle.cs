namespace Pricing.Grains.Tests.Reference;

/// <summary>A candle as the reference computes it from the ticks its bucket accepted.</summary>
internal sealed record RefCandle(
    long Start,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal Turnover,
    long TradeCount,
    int Revision,
    long FirstTradeTicks,
    long LastTradeTicks)
{
    public decimal Vwap => Turnover / Volume;
}

/// <summary>
/// Candles of one interval: the newest closed ones (all unless the reference was asked for fewer),
/// oldest first; the open one; the ticks too late for it; and how many closed candles there are in all.
/// </summary>
internal sealed record RefCandleSeries(IReadOnlyList<RefCandle> Closed, RefCandle? Open, long LateTicks, int ClosedTotal);
