namespace Pricing.Grains;

/// <summary>
/// An OHLCV candle. <see cref="Start"/> is inclusive, <see cref="End"/> exclusive, both UTC-aligned.
/// The open candle has <see cref="Closed"/> false; a closed candle amended by a late tick
/// (within the grace period) is sent again with <see cref="Revision"/> bumped.
/// </summary>
public sealed record Candle(
    string Symbol,
    string Interval,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal Turnover,
    decimal Vwap,
    long TradeCount,
    bool Closed,
    int Revision,
    DateTimeOffset FirstTradeAt,
    DateTimeOffset LastTradeAt);
