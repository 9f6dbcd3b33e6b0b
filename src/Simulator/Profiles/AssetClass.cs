namespace Pricing.Simulator;

/// <summary>Kind of instrument in the built-in table; decides which volatility applies.</summary>
internal enum AssetClass
{
    Equity,
    Etf,
    Crypto,
}
