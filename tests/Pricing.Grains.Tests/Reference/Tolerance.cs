namespace Pricing.Grains.Tests.Reference;

/// <summary>
/// How close the double statistics must be to the reference. Money (counts, sums, VWAPs, SMA,
/// candles, ranges) is decimal and compared exactly; only EMA and volatility are doubles, and
/// they must agree to 1e-9 relative.
/// </summary>
internal static class Tolerance
{
    public const double Relative = 1e-9;

    /// <summary>
    /// Absolute floor for a standard deviation of log returns, the one place a value can be (near)
    /// zero. Each return is ln of a ratio of two decimals converted to double, and the two sides
    /// round that ratio differently (a few ulps of 1: under 5e-16 together); a standard deviation
    /// moves by at most 2*sqrt(2) times the largest perturbation of its inputs, so about 1.4e-15.
    /// 4e-15 leaves a margin and is still far below any real volatility here: the smallest non-zero
    /// return these sequences can produce is one price step (1e-4) on a price below 10 000, 1e-8,
    /// and even one such return in a window of 100 000 gives about 3e-11.
    /// </summary>
    public const double LogReturnFloor = 4e-15;

    /// <summary>EMA: relative only; it is a weighted mean of positive prices, so it is never near zero.</summary>
    public static bool EmaAgrees(double expected, double actual) =>
        Math.Abs(actual - expected) <= Relative * Math.Abs(expected);

    /// <summary>Volatility: relative, with the log-return floor for windows whose true value is (near) zero.</summary>
    public static bool VolatilityAgrees(double expected, double actual) =>
        Math.Abs(actual - expected) <= (Relative * expected) + LogReturnFloor;
}
