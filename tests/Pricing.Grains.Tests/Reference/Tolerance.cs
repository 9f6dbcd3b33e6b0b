namespace Pricing.Grains.Tests.Reference;

/// <summary>
/// How close the double statistics must be to the reference. Money (counts, sums, VWAPs, SMA,
/// candles, ranges) is decimal and compared exactly; only EMA and volatility are doubles.
/// </summary>
internal static class Tolerance
{
    public const double Relative = 1e-9;

    /// <summary>
    /// Absolute floor for a standard deviation of log returns. Each return is ln of a ratio of two
    /// decimals converted to double: both sides round the ratio (a few ulps of 1, about 4e-16), and a
    /// standard deviation moves by at most 2*sqrt(2) times the largest perturbation of its inputs,
    /// so about 1.2e-15. 4e-15 leaves a margin and is still a millionth of the smallest non-zero
    /// return these sequences produce (one price step, 1e-4, on a price below 10 000: 1e-8).
    /// </summary>
    public const double LogReturnFloor = 4e-15;

    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>EMA: relative only; it is a weighted mean of positive prices, so it is never near zero.</summary>
    public static bool EmaAgrees(double expected, double actual) =>
        Math.Abs(actual - expected) <= Relative * Math.Abs(expected);

    /// <summary>
    /// Volatility: relative, plus the log-return floor, plus what the implementation's documented
    /// method leaves behind. It keeps Welford sums and runs the update backwards to remove a return,
    /// recomputing them from the window after every <c>window</c> removals; between recomputes the
    /// squared-deviation sum carries an absolute error of a few ulps of the squares added and
    /// removed: a few eps * R^2 per step over up to 2 * window steps, so about
    /// 16 * eps * R^2 * window / (count - 1) for the variance (R the largest |return| in or recently
    /// out of the window). A standard deviation s moves by that divided by (s_actual + s_expected):
    /// far below 1e-9 of s for any s that is not tiny against R, so the relative bound is what
    /// counts; only for a
    /// (nearly) constant window, where the true value is 0 and the residue's square root remains,
    /// does this term decide.
    /// </summary>
    public static bool VolatilityAgrees(RefVolatility expected, double actual, int window)
    {
        var e = expected.StdDev!.Value;
        var welford = 16 * Epsilon * expected.ReturnScale * expected.ReturnScale * window / Math.Max(1, expected.Count - 1);
        var sum = actual + e;
        var residue = sum > 0 ? welford / sum : 0;
        return Math.Abs(actual - e) <= (Relative * e) + LogReturnFloor + residue;
    }
}
