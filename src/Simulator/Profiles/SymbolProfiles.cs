using Pricing.Simulator.Sampling;

namespace Pricing.Simulator;

/// <summary>Turns <see cref="SimulatorOptions"/> into one <see cref="SymbolProfile"/> per symbol.</summary>
public static class SymbolProfiles
{
    /// <summary>The built-in universe used when <see cref="SimulatorOptions.Symbols"/> is empty, most active first.</summary>
    public static IReadOnlyList<string> DefaultSymbols { get; } = [.. BuiltInSymbols.All.Select(s => s.Symbol)];

    /// <summary>
    /// Profiles for the configured symbols, in order. Built-in symbols keep their table price,
    /// decimals and lot size; others get a price derived from their name (stable across runs and
    /// machines), the configured decimals and a lot of 1. Activity is Zipf-like by position.
    /// </summary>
    public static IReadOnlyList<SymbolProfile> Resolve(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> symbols = options.Symbols.Count > 0 ? [.. options.Symbols] : DefaultSymbols;
        var profiles = new SymbolProfile[symbols.Count];
        for (var i = 0; i < profiles.Length; i++)
        {
            var weight = 1.0 / Math.Pow(i + 1, options.ActivitySkew);
            profiles[i] = BuiltInSymbols.TryGet(symbols[i], out var entry)
                ? new SymbolProfile(
                    entry.Symbol,
                    entry.Price,
                    options.Drift,
                    entry.Class == AssetClass.Crypto ? options.CryptoVolatility : options.Volatility,
                    entry.PriceDecimals ?? options.PriceDecimals,
                    entry.LotSize,
                    weight)
                : new SymbolProfile(
                    symbols[i],
                    DerivedPrice(symbols[i], options.PriceDecimals),
                    options.Drift,
                    options.Volatility,
                    options.PriceDecimals,
                    1m,
                    weight);
        }

        return profiles;
    }

    /// <summary>
    /// A price between 10 and 500, log-uniform over the symbol's hash. FNV-1a rather than
    /// <see cref="string.GetHashCode()"/>, which is randomised per process.
    /// </summary>
    internal static decimal DerivedPrice(string symbol, int decimals)
    {
        var hash = 2166136261u;
        foreach (var c in symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var fraction = hash / 4294967296.0;
        var price = 10.0 * Math.Pow(50.0, fraction);
        return PriceUnits.ToDecimal(price, decimals);
    }
}
