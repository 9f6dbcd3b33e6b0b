namespace Pricing.Simulator.Tests;

public class ActivityTests
{
    [Fact]
    public void SymbolsTradeInProportionToTheirActivityWeights()
    {
        const int samples = 200_000;
        var simulator = TestProfiles.Default(seed: 99);
        var total = simulator.Profiles.Sum(p => p.ActivityWeight);

        var counts = Enumerable.Range(0, samples)
            .Select(_ => simulator.Next(TestProfiles.Start).Symbol)
            .CountBy(s => s)
            .ToDictionary();

        foreach (var profile in simulator.Profiles)
        {
            Statistics.AssertBinomial(counts.GetValueOrDefault(profile.Symbol), samples, profile.ActivityWeight / total, profile.Symbol);
        }
    }

    [Fact]
    public void MostActiveSymbolTradesFarMoreThanTheLeastActive()
    {
        var simulator = TestProfiles.Default(seed: 99);

        var counts = Enumerable.Range(0, 100_000)
            .Select(_ => simulator.Next(TestProfiles.Start).Symbol)
            .CountBy(s => s)
            .ToDictionary();

        // Zipf with exponent 1 over 50 symbols: the first trades 50 times as often as the last.
        Assert.True(counts["SPY"] > 20 * counts["CAT"], $"SPY {counts["SPY"]}, CAT {counts["CAT"]}");
    }

    [Fact]
    public void WeightsWithALargeSpreadAreRespected()
    {
        const int samples = 200_000;
        SymbolProfile[] profiles =
        [
            TestProfiles.Single("A") with { ActivityWeight = 1000 },
            TestProfiles.Single("B") with { ActivityWeight = 1 },
            TestProfiles.Single("C") with { ActivityWeight = 0.01 },
        ];
        var simulator = new MarketSimulator(profiles, TradeSizeDistribution.Default, seed: 1);

        var counts = Enumerable.Range(0, samples)
            .Select(_ => simulator.Next(TestProfiles.Start).Symbol)
            .CountBy(s => s)
            .ToDictionary();

        foreach (var profile in profiles)
        {
            Statistics.AssertBinomial(counts.GetValueOrDefault(profile.Symbol), samples, profile.ActivityWeight / 1001.01, profile.Symbol);
        }
    }
}
