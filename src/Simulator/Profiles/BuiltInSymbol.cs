namespace Pricing.Simulator;

/// <summary>A row of the built-in table. Null decimals means the configured default.</summary>
internal readonly record struct BuiltInSymbol(
    string Symbol, decimal Price, AssetClass Class, int? PriceDecimals = null, decimal LotSize = 1m);
