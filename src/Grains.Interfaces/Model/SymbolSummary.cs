namespace Pricing.Grains;

/// <summary>A row of <c>GET /symbols</c>.</summary>
public sealed record SymbolSummary(string Symbol, decimal Price, decimal ChangePercent24h, long TradeCount, DateTimeOffset LastTradeTime, long Sequence);
