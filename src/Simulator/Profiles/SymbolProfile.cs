using Pricing.Grains;

namespace Pricing.Simulator;

/// <summary>How one symbol moves and trades in the simulation.</summary>
/// <param name="Symbol">The instrument; valid per <see cref="SymbolRules"/>.</param>
/// <param name="InitialPrice">Price at the start of the simulation, positive.</param>
/// <param name="Drift">Annualised drift (mu) of the geometric Brownian motion.</param>
/// <param name="Volatility">Annualised volatility (sigma), zero or more.</param>
/// <param name="PriceDecimals">Decimals of the published price (its tick size is 10^-decimals).</param>
/// <param name="LotSize">Trade sizes are whole multiples of this, positive.</param>
/// <param name="ActivityWeight">Relative share of the ticks this symbol gets, positive.</param>
public sealed record SymbolProfile(
    string Symbol,
    decimal InitialPrice,
    double Drift,
    double Volatility,
    int PriceDecimals,
    decimal LotSize,
    double ActivityWeight)
{
    /// <summary>Most price decimals supported (a satoshi).</summary>
    public const int MaxPriceDecimals = 8;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is out of range.</summary>
    public void EnsureValid()
    {
        if (!SymbolRules.IsValid(Symbol))
            throw new ArgumentException($"Symbol '{Symbol}' is not valid: {SymbolRules.Description}.", nameof(Symbol));
        if (InitialPrice <= 0)
            throw new ArgumentException($"{Symbol}: initial price must be positive, was {InitialPrice}.", nameof(InitialPrice));
        if (!double.IsFinite(Drift) || Math.Abs(Drift) > 10)
            throw new ArgumentException($"{Symbol}: drift must be finite and within ±10, was {Drift}.", nameof(Drift));
        if (!double.IsFinite(Volatility) || Volatility < 0 || Volatility > 10)
            throw new ArgumentException($"{Symbol}: volatility must be within [0, 10], was {Volatility}.", nameof(Volatility));
        if (PriceDecimals is < 0 or > MaxPriceDecimals)
            throw new ArgumentException($"{Symbol}: price decimals must be within [0, {MaxPriceDecimals}], was {PriceDecimals}.", nameof(PriceDecimals));
        if (LotSize <= 0)
            throw new ArgumentException($"{Symbol}: lot size must be positive, was {LotSize}.", nameof(LotSize));
        if (!double.IsFinite(ActivityWeight) || ActivityWeight <= 0)
            throw new ArgumentException($"{Symbol}: activity weight must be positive, was {ActivityWeight}.", nameof(ActivityWeight));
    }
}
