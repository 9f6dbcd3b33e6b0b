namespace Pricing.Simulator;

/// <summary>
/// Trade sizes in lots follow a power law truncated to [<paramref name="MinLots"/>,
/// <paramref name="MaxLots"/>]: P(lots ≥ m) = m^-alpha (up to the truncation), so most trades are
/// small and a few are very large, as on real markets. A continuous Pareto draw is rounded down to
/// whole lots, which keeps that survival function exact at whole numbers of lots.
/// </summary>
/// <param name="TailIndex">Alpha; 1.5 gives a finite mean and an infinite variance before truncation.</param>
/// <param name="MinLots">Smallest trade, at least 1.</param>
/// <param name="MaxLots">Largest trade, at least <paramref name="MinLots"/>.</param>
public sealed record TradeSizeDistribution(double TailIndex, int MinLots, int MaxLots)
{
    /// <summary>Alpha 1.5, from 1 to 10,000 lots.</summary>
    public static TradeSizeDistribution Default { get; } = new(1.5, 1, 10_000);

    /// <summary>Throws <see cref="ArgumentException"/> when a parameter is out of range.</summary>
    public void EnsureValid()
    {
        if (!double.IsFinite(TailIndex) || TailIndex <= 0)
            throw new ArgumentException($"Tail index must be positive, was {TailIndex}.", nameof(TailIndex));
        if (MinLots < 1)
            throw new ArgumentException($"Smallest trade must be at least one lot, was {MinLots}.", nameof(MinLots));
        if (MaxLots < MinLots)
            throw new ArgumentException($"Largest trade ({MaxLots} lots) is below the smallest ({MinLots}).", nameof(MaxLots));
    }
}
