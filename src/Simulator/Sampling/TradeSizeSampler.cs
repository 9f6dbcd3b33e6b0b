namespace Pricing.Simulator.Sampling;

/// <summary>
/// Draws whole lots from a Pareto law truncated to [min, max + 1) by inverting its distribution
/// function, then rounds down: P(lots ≥ m) is then exactly the continuous law's P(X ≥ m).
/// </summary>
internal sealed class TradeSizeSampler
{
    private readonly double _min;
    private readonly double _max;
    private readonly double _exponent;
    private readonly double _span;

    public TradeSizeSampler(TradeSizeDistribution distribution)
    {
        distribution.EnsureValid();
        _min = distribution.MinLots;
        _max = distribution.MaxLots;
        _exponent = -1.0 / distribution.TailIndex;
        // Probability mass of [min, max + 1) relative to the untruncated law.
        _span = 1.0 - Math.Pow(_min / (_max + 1.0), distribution.TailIndex);
    }

    /// <summary>Lots for <paramref name="uniform"/> in [0, 1).</summary>
    public long SampleLots(double uniform)
    {
        var x = _min * Math.Pow(1.0 - (uniform * _span), _exponent);
        return (long)Math.Clamp(Math.Floor(x), _min, _max);
    }
}
