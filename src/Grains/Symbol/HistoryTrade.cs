namespace Pricing.Grains;

/// <summary>A trade as history stores it: with its input position, which makes a replayed write detectable.</summary>
public readonly record struct HistoryTrade(long TradeId, decimal Price, decimal Size, long TimestampTicks, int Partition, long Offset)
{
    public Trade ToTrade(string symbol) => new(symbol, TradeId, Price, Size, new DateTimeOffset(TimestampTicks, TimeSpan.Zero));
}
