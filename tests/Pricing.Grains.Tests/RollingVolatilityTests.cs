using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>Hand-written cases of the rolling volatility (sample standard deviation of log returns).</summary>
public sealed class RollingVolatilityTests
{
    [Fact]
    public void A_calm_window_after_a_jump_has_left_it_agrees_with_the_two_pass_value_to_1e9_relative()
    {
        // Window of 10 returns. Removals start with the 11th return; the sums are recomputed at
        // the 10th and 20th removal (returns 20 and 30). Return 12 is a 20% jump: it leaves the
        // window with return 22, after the recompute at return 20; at return 25 the window
        // (returns 16..25) is calm again and no recompute has happened since the jump left.
        // Calm means one price step (0.0001) on a price of 4000: returns of 2.5e-8.
        var vol = new RollingVolatility(10);
        var prices = new List<decimal> { 4000.0000m };
        for (var i = 1; i <= 25; i++)
        {
            var level = i < 12 ? 4000.0000m : 4800.0000m;
            prices.Add(level + (i % 2 == 0 ? 0.0001m : 0m));
        }

        foreach (var price in prices)
        {
            vol.Add(price);
        }

        var expected = TwoPassStdDev(prices.TakeLast(11).ToList());
        var actual = vol.StdDev!.Value;
        Assert.True(
            Math.Abs(actual - expected) <= 1e-9 * expected,
            $"expected {expected:R}, actual {actual:R}, relative error {(actual - expected) / expected:E2}");
    }

    [Fact]
    public void A_constant_window_after_a_jump_has_left_it_has_zero_volatility()
    {
        // Window of 3 returns: noisy, then a 50% jump, then three unchanged prices.
        var vol = new RollingVolatility(3);
        foreach (var price in new[] { 100.00m, 100.00m, 101.23m, 100.00m, 101.23m, 151.84m, 151.84m, 151.84m, 151.84m })
        {
            vol.Add(price);
        }

        Assert.Equal(3, vol.Count);
        Assert.True(vol.StdDev <= 1e-15, $"expected 0 (three zero returns), actual {vol.StdDev:R}");
    }

    /// <summary>Sample standard deviation of ln(p_i / p_(i-1)), the ratio taken in decimal, mean first then squared deviations.</summary>
    private static double TwoPassStdDev(List<decimal> prices)
    {
        var returns = prices.Zip(prices.Skip(1), PreciseLogReturn.Of).ToList();
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
    }
}
