namespace Pricing.Grains;

/// <summary>A trade as the API shows it. <see cref="TradeId"/> is the symbol's trade number (1, 2, ...), the stable cursor for paging.</summary>
public sealed record Trade(string Symbol, long TradeId, decimal Price, decimal Size, DateTimeOffset Timestamp);
