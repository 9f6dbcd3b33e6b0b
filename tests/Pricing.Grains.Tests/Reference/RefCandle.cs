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

/// <summary>All candles of one interval: closed ones oldest first, the open one, and the ticks too late for it.</summary>
internal sealed record RefCandleSeries(IReadOnlyList<RefCandle> Closed, RefCandle? Open, long LateTicks);
