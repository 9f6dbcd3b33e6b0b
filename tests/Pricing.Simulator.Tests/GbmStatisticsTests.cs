using Pricing.Grains;

namespace Pricing.Simulator.Tests;

/// <summary>
/// Checks the price path against geometric Brownian motion: a log return over dt years is
/// normal with mean (mu - sigma^2/2) dt and variance sigma^2 dt. Many symbols, each with a short
/// path, give many returns without any price wandering off to extremes, and the symbols' own gaps
/// between ticks vary, so the exact per-tick dt is exercised too.
/// </summary>
public class GbmStatisticsTests
{
    private const double Mu = 0.10;
    private const double Sigma = 0.80;
    private const double TimeSpanTicksPerYear = 365.25 * TimeSpan.TicksPerDay;

    [Fact]
    public void StandardisedLogReturnsHaveMeanZeroAndUnitVariance()
    {
        var returns = StandardisedLogReturns(ticks: 200_000, seed: 2024);
        var n = returns.Count;
        var mean = returns.Average();
        var variance = returns.Sum(z => (z - mean) * (z - mean)) / (n - 1);

        // Mean of n standard normals: SE 1/sqrt(n). Sample variance: SE sqrt(2/(n-1)).
        // Leaving out the -sigma^2/2 term would shift the mean by (sigma/2) sqrt(dt) ≈ 0.025 here,
        // about 11 standard errors, so the test tells the exact step from the naive one.
        Statistics.AssertClose(mean, 0, 1 / Math.Sqrt(n), "mean of standardised log returns");
        Statistics.AssertClose(variance, 1, Math.Sqrt(2.0 / (n - 1)), "variance of standardised log returns");
    }

    [Fact]
    public void LogReturnsMatchDriftAndVarianceOverAFixedStep()
    {
        // One symbol stepped every day for 20 years: the textbook check of mean and variance per step.
        // A single path cannot pin the drift down as well as many can (its SE is sigma/sqrt(years)),
        // and a lower sigma keeps the 20-year path within a sane price range.
        const int steps = 7305;
        const double sigma = 0.4;
        var dt = 1 / 365.25;
        var simulator = TestProfiles.Simulator(
            TestProfiles.Single(initialPrice: 1000m, drift: Mu, volatility: sigma, decimals: 8), seed: 77);
        var prices = Enumerable.Range(0, steps + 1)
            .Select(i => (double)simulator.Next(TestProfiles.Start.AddDays(i)).Price)
            .ToArray();
        var returns = prices.Zip(prices.Skip(1), (a, b) => Math.Log(b / a)).ToArray();

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (steps - 1);

        Statistics.AssertClose(mean, (Mu - (sigma * sigma / 2)) * dt, sigma * Math.Sqrt(dt / steps), "mean log return");
        Statistics.AssertClose(variance, sigma * sigma * dt, sigma * sigma * dt * Math.Sqrt(2.0 / (steps - 1)), "variance of log returns");
    }

    private static List<double> StandardisedLogReturns(int ticks, int seed)
    {
        var profiles = Enumerable.Range(0, 200)
            .Select(i => TestProfiles.Single($"S{i:D3}", initialPrice: 100m, drift: Mu, volatility: Sigma, decimals: 8))
            .ToArray();
        var simulator = new MarketSimulator(profiles, TradeSizeDistribution.Default, seed);
        var last = new Dictionary<string, Tick>(StringComparer.Ordinal);
        var returns = new List<double>(ticks);

        for (var i = 0; i < ticks; i++)
        {
            var tick = simulator.Next(TestProfiles.Start.AddMinutes(10 * i));
            if (last.TryGetValue(tick.Symbol, out var previous))
            {
                var dt = (tick.Timestamp - previous.Timestamp).Ticks / TimeSpanTicksPerYear;
                var logReturn = Math.Log((double)tick.Price / (double)previous.Price);
                returns.Add((logReturn - ((Mu - (Sigma * Sigma / 2)) * dt)) / (Sigma * Math.Sqrt(dt)));
            }

            last[tick.Symbol] = tick;
        }

        return returns;
    }
}
