namespace Pricing.Grains;

/// <summary>The whole market at a glance: breadth, activity and movers, recomputed about once a second.</summary>
public sealed record MarketSummary(
    DateTimeOffset AsOf,
    int Symbols,
    int Advancers,
    int Decliners,
    int Unchanged,
    long TotalTrades,
    decimal TotalVolume24h,
    double TicksPerSecond,
    IReadOnlyList<SymbolSummary> TopGainers,
    IReadOnlyList<SymbolSummary> TopLosers,
    IReadOnlyList<SymbolSummary> MostActive);
