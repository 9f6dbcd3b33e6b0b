namespace Pricing.Simulator.Tests;

/// <summary>
/// Tolerances for statistical tests. Every check allows 5 standard errors: with the fixed seeds
/// the tests are deterministic, and 5 SE (a two-sided chance of about 6e-7 per check for a
/// correct generator) leaves room to change a seed without a flaky failure while a real bias of
/// a few per cent still shows.
/// </summary>
internal static class Statistics
{
    public const double StandardErrors = 5;

    /// <summary>Checks that a count of hits in <paramref name="trials"/> matches probability <paramref name="p"/>.</summary>
    public static void AssertBinomial(long hits, long trials, double p, string what)
    {
        var expected = trials * p;
        var se = Math.Sqrt(trials * p * (1 - p));
        Assert.True(
            Math.Abs(hits - expected) <= StandardErrors * se,
            $"{what}: {hits} of {trials}, expected {expected:F1} ± {StandardErrors * se:F1}");
    }

    public static void AssertClose(double actual, double expected, double standardError, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= StandardErrors * standardError,
            $"{what}: {actual:G6}, expected {expected:G6} ± {StandardErrors * standardError:G3}");
}
