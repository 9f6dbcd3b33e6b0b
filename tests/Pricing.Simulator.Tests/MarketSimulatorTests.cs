using Pricing.Grains;

namespace Pricing.Simulator.Tests;

public class MarketSimulatorTests
{
    private static readonly DateTimeOffset Start = TestProfiles.Start;

    [Fact]
    public void SameSeedProducesIdenticalSequence()
    {
        var first = Generate(TestProfiles.Default(seed: 7), 10_000);
        var second = Generate(TestProfiles.Default(seed: 7), 10_000);

        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeedsProduceDifferentSequences()
    {
        var first = Generate(TestProfiles.Default(seed: 7), 1_000);
        var second = Generate(TestProfiles.Default(seed: 8), 1_000);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void UnseededSimulatorReportsASeedThatReproducesIt()
    {
        var profiles = SymbolProfiles.Resolve(new SimulatorOptions());
        var unseeded = new MarketSimulator(profiles, TradeSizeDistribution.Default, seed: null);
        var replay = new MarketSimulator(profiles, TradeSizeDistribution.Default, unseeded.Seed);

        Assert.Equal(Generate(unseeded, 1_000), Generate(replay, 1_000));
    }

    [Fact]
    public void TicksCarryValidSymbolsAndNoLogPosition()
    {
        var ticks = Generate(TestProfiles.Default(), 20_000);

        Assert.All(ticks, t =>
        {
            Assert.True(SymbolRules.IsValid(t.Symbol), t.Symbol);
            Assert.Equal(0, t.Partition);
            Assert.Equal(0, t.Offset);
        });
    }

    [Fact]
    public void PricesArePositiveWithTheSymbolsDecimals()
    {
        var simulator = TestProfiles.Default();
        var decimals = simulator.Profiles.ToDictionary(p => p.Symbol, p => p.PriceDecimals);

        Assert.All(Generate(simulator, 100_000), t =>
        {
            Assert.True(t.Price > 0, $"{t.Symbol} at {t.Price}");
            Assert.Equal(decimals[t.Symbol], t.Price.Scale);
        });
    }

    [Fact]
    public void SizesArePositiveWholeLots()
    {
        var simulator = TestProfiles.Default();
        var lots = simulator.Profiles.ToDictionary(p => p.Symbol, p => p.LotSize);

        Assert.All(Generate(simulator, 100_000), t =>
        {
            Assert.True(t.Size > 0);
            Assert.Equal(0m, t.Size % lots[t.Symbol]);
        });
    }

    [Fact]
    public void PriceStaysPositiveWhenThePathCollapses()
    {
        // A penny price with a crushing drift: the path falls far below one tick.
        var simulator = TestProfiles.Simulator(TestProfiles.Single(initialPrice: 0.05m, drift: -3, volatility: 3));

        var ticks = Enumerable.Range(1, 10_000).Select(i => simulator.Next(Start.AddDays(i))).ToList();

        Assert.All(ticks, t => Assert.True(t.Price >= 0.01m, $"{t.Price}"));
        Assert.Equal(0.01m, ticks[^1].Price);
    }

    [Fact]
    public void FirstTickIsAtTheInitialPrice()
    {
        var simulator = TestProfiles.Simulator(TestProfiles.Single(initialPrice: 123.45m));

        Assert.Equal(123.45m, simulator.Next(Start).Price);
    }

    [Fact]
    public void RoundingDoesNotFreezeASlowPath()
    {
        // Each 10 ms step moves the price by about 0.0004, far below half a cent: a walk that fed
        // the rounded price back into itself would never leave 100.00.
        var simulator = TestProfiles.Simulator(TestProfiles.Single(initialPrice: 100m, drift: 0, volatility: 0.25));

        var prices = Enumerable.Range(0, 100_000)
            .Select(i => simulator.Next(Start.AddMilliseconds(10 * i)).Price)
            .ToHashSet();

        Assert.True(prices.Count > 5, $"only {prices.Count} distinct prices");
    }

    [Fact]
    public void EarlierEventTimeDoesNotMoveThePrice()
    {
        var simulator = TestProfiles.Simulator(TestProfiles.Single(decimals: 8, volatility: 1));
        simulator.Next(Start);
        var later = simulator.Next(Start.AddHours(1));

        var earlier = simulator.Next(Start);

        Assert.Equal(later.Price, earlier.Price);
        Assert.Equal(Start, earlier.Timestamp);
    }

    [Fact]
    public void TimestampsAreUtcEventTimes()
    {
        var simulator = TestProfiles.Default();
        var local = new DateTimeOffset(2025, 1, 6, 9, 30, 0, TimeSpan.FromHours(-5));

        var tick = simulator.Next(local);

        Assert.Equal(TimeSpan.Zero, tick.Timestamp.Offset);
        Assert.Equal(local, tick.Timestamp);
    }

    [Fact]
    public void FillSpreadsTimestampsEvenlyInsideTheInterval()
    {
        var simulator = TestProfiles.Default();
        // 10,000 TimeSpan ticks over 3,000 trades: gaps of 3 or 4.
        var to = Start.AddMilliseconds(1);
        var ticks = new Tick[3000];

        simulator.Fill(ticks, Start, to);

        Assert.Equal(Start, ticks[0].Timestamp);
        Assert.All(ticks, t => Assert.InRange(t.Timestamp, Start, to.AddTicks(-1)));
        for (var i = 1; i < ticks.Length; i++)
        {
            Assert.True(ticks[i - 1].Timestamp <= ticks[i].Timestamp, $"out of order at {i}");
            Assert.InRange((ticks[i].Timestamp - ticks[i - 1].Timestamp).Ticks, 3, 4);
        }
    }

    [Fact]
    public void FillOverAnEmptyIntervalPutsEveryTickAtItsStart()
    {
        var ticks = new Tick[10];

        TestProfiles.Default().Fill(ticks, Start, Start);

        Assert.All(ticks, t => Assert.Equal(Start, t.Timestamp));
    }

    [Fact]
    public void FillRejectsAnIntervalThatEndsBeforeItStarts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestProfiles.Default().Fill(new Tick[1], Start, Start.AddTicks(-1)));

    [Fact]
    public void FillMatchesNextAtTheSameEventTimes()
    {
        var filled = new Tick[500];
        TestProfiles.Default(seed: 3).Fill(filled, Start, Start.AddSeconds(1));

        var stepped = TestProfiles.Default(seed: 3);
        var expected = filled.Select(t => stepped.Next(t.Timestamp)).ToArray();

        Assert.Equal(expected, filled);
    }

    [Fact]
    public void GeneratingTicksAllocatesNothing()
    {
        var simulator = TestProfiles.Default();
        var ticks = new Tick[10_000];
        simulator.Fill(ticks, Start, Start.AddSeconds(1));

        var before = GC.GetAllocatedBytesForCurrentThread();
        simulator.Fill(ticks, Start.AddSeconds(1), Start.AddSeconds(6));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void DuplicateProfilesAreRejected() =>
        Assert.Throws<ArgumentException>(() =>
            new MarketSimulator([TestProfiles.Single("A"), TestProfiles.Single("A")], TradeSizeDistribution.Default));

    [Fact]
    public void InvalidProfileIsRejected() =>
        Assert.Throws<ArgumentException>(() =>
            new MarketSimulator([TestProfiles.Single(initialPrice: 0m)], TradeSizeDistribution.Default));

    private static List<Tick> Generate(MarketSimulator simulator, int count)
    {
        var ticks = new Tick[count];
        simulator.Fill(ticks, Start, Start.AddSeconds(count / 2000.0));
        return [.. ticks];
    }
}
