namespace Pricing.Simulator.Sampling;

/// <summary>
/// One symbol's price path. The log price is kept unrounded so rounding to the tick size never
/// feeds back into the walk (a rounded walk would stick wherever steps are below half a tick).
/// </summary>
internal sealed class SymbolPath(SymbolProfile profile)
{
    private readonly double _logDrift = profile.Drift - (0.5 * profile.Volatility * profile.Volatility);
    private readonly double _volatility = profile.Volatility;
    private double _logPrice = Math.Log((double)profile.InitialPrice);

    public SymbolProfile Profile { get; } = profile;

    /// <summary>Event time of the last step, in UTC <see cref="TimeSpan"/> ticks.</summary>
    public long LastTicks { get; set; }

    public double Price => Math.Exp(_logPrice);

    /// <summary>
    /// Exact GBM step over <paramref name="years"/>:
    /// S(t+dt) = S(t) exp((mu - sigma^2/2) dt + sigma sqrt(dt) Z).
    /// </summary>
    public void Advance(double years, double standardNormal) =>
        _logPrice += (_logDrift * years) + (_volatility * Math.Sqrt(years) * standardNormal);
}
