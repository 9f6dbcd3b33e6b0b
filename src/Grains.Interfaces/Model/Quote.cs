namespace Pricing.Grains;

/// <summary>
/// The latest state of a symbol as clients see it: the REST quote, the SignalR snapshot and
/// every live update. <see cref="Sequence"/> grows by one for every applied tick, so a client
/// keeps the quote with the highest sequence and ignores older ones.
/// </summary>
/// <param name="Symbol">Instrument.</param>
/// <param name="Sequence">Per-symbol sequence number.</param>
/// <param name="Price">Last price: of the trade with the latest event time.</param>
/// <param name="Size">Size of that trade.</param>
/// <param name="Timestamp">Event time of that trade.</param>
/// <param name="Change24h">Price minus the first price of the rolling 24h window.</param>
/// <param name="ChangePercent24h">Change as a percentage of that first price.</param>
/// <param name="High24h">Highest price in the rolling 24h window.</param>
/// <param name="Low24h">Lowest price in the rolling 24h window.</param>
/// <param name="Volume24h">Traded quantity in the rolling 24h window.</param>
/// <param name="Vwap">Volume-weighted average price over the rolling time window (default 5 minutes).</param>
/// <param name="TradeCount">Trades applied since the symbol started.</param>
/// <param name="Volume">Quantity traded since the symbol started.</param>
public sealed record Quote(
    string Symbol,
    long Sequence,
    decimal Price,
    decimal Size,
    DateTimeOffset Timestamp,
    decimal Change24h,
    decimal ChangePercent24h,
    decimal High24h,
    decimal Low24h,
    decimal Volume24h,
    decimal Vwap,
    long TradeCount,
    decimal Volume);
