namespace Pricing.Simulator.Tests;

public class TradeSizeTests
{
    private const int Samples = 100_000;

    [Fact]
    public void SizesAreHeavyTailed()
    {
        var lots = SampleLots(TradeSizeDistribution.Default);
        Array.Sort(lots);

        var median = lots[Samples / 2];
        var max = lots[^1];

        // A thin-tailed law would give a ratio of a few; alpha 1.5 over 1e5 draws gives ~1e5^(1/1.5) ≈ 2000.
        Assert.True(max / median > 200, $"max {max}, median {median}");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public void EmpiricalTailIndexMatchesTheConfiguredOne(int lots)
    {
        // Rounding down to whole lots keeps P(lots >= m) = m^-alpha exactly for whole m (times the
        // truncation's tiny correction), so the count above m is binomial and alpha can be read off it.
        var distribution = TradeSizeDistribution.Default;
        var alpha = distribution.TailIndex;
        var hits = SampleLots(distribution).Count(l => l >= lots);
        var p = Survival(distribution, lots);

        Statistics.AssertBinomial(hits, Samples, p, $"trades of {lots}+ lots");

        // The same check on the alpha scale: alpha = -ln S(m) / ln m, delta method for its standard error.
        var estimated = -Math.Log((double)hits / Samples) / Math.Log(lots);
        var standardError = Math.Sqrt(p * (1 - p) / Samples) / (p * Math.Log(lots));
        Statistics.AssertClose(estimated, alpha, standardError, "tail index");
    }

    [Fact]
    public void SizesStayWithinTheTruncation()
    {
        var distribution = new TradeSizeDistribution(TailIndex: 1.1, MinLots: 5, MaxLots: 50);

        var lots = SampleLots(distribution);

        Assert.Equal(5, lots.Min());
        Assert.Equal(50, lots.Max());
    }

    [Fact]
    public void SizesAreMultiplesOfTheLot()
    {
        var simulator = new MarketSimulator([TestProfiles.Single(lotSize: 0.001m)], TradeSizeDistribution.Default, seed: 5);

        for (var i = 0; i < 10_000; i++)
        {
            var size = simulator.Next(TestProfiles.Start).Size;
            Assert.True(size >= 0.001m && size % 0.001m == 0, $"{size}");
        }
    }

    private static double Survival(TradeSizeDistribution d, int lots)
    {
        var top = Math.Pow(d.MaxLots + 1.0, -d.TailIndex);
        return (Math.Pow(lots, -d.TailIndex) - top) / (Math.Pow(d.MinLots, -d.TailIndex) - top);
    }

    private static long[] SampleLots(TradeSizeDistribution distribution)
    {
        var simulator = new MarketSimulator([TestProfiles.Single()], distribution, seed: 11);
        var lots = new long[Samples];
        for (var i = 0; i < Samples; i++)
            lots[i] = (long)simulator.Next(TestProfiles.Start).Size;
        return lots;
    }
}
