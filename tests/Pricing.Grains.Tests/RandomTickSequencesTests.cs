using Pricing.Grains.Tests.Reference;

namespace Pricing.Grains.Tests;

/// <summary>The generator really produces the disorder the agreement tests rely on.</summary>
public sealed class RandomTickSequencesTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        var first = RandomTickSequences.Generate(42, 500, TimeSpan.FromSeconds(5)).ToList();
        var second = RandomTickSequences.Generate(42, 500, TimeSpan.FromSeconds(5)).ToList();
        Assert.Equal(first, second);
        Assert.NotEqual(first, RandomTickSequences.Generate(43, 500, TimeSpan.FromSeconds(5)).ToList());
    }

    [Theory]
    [InlineData(1)] // grace 1s
    [InlineData(4)] // grace 5m
    [InlineData(5)] // grace 1h
    public void Sequences_hold_every_kind_of_disorder(int seed)
    {
        var grace = RandomTickSequences.Grace(seed);
        var ticks = RandomTickSequences.Generate(seed, 3000, grace).ToList();
        var reference = new NaiveMarket();
        var replays = ticks.Count(t => !reference.Apply(t));
        var applied = reference.Ticks;
        var outOfOrder = applied.Skip(1).Where((t, i) => t.UtcTicks < applied.Take(i + 1).Max(p => p.UtcTicks)).Count();
        var equalTimes = applied.GroupBy(t => t.UtcTicks).Count(g => g.Count() > 1);
        var longestGap = applied.Select(t => t.UtcTicks).Order().Zip(applied.Select(t => t.UtcTicks).Order().Skip(1), (a, b) => b - a).Max();
        var biggestSecond = applied.GroupBy(t => t.UtcTicks / TimeSpan.TicksPerSecond).Max(g => g.Count());
        var oneMinute = reference.Candles(CandleInterval.OneMinute, grace);
        var amended = oneMinute.Closed.Count(c => c.Revision > 0);
        var createdLate = oneMinute.Closed.Count(c => c.Revision == c.TradeCount);

        Assert.True(replays > 30, $"replays {replays}");
        Assert.True(outOfOrder > 100, $"out of order {outOfOrder}");
        Assert.True(equalTimes > 20, $"equal timestamps {equalTimes}");
        Assert.True(longestGap > TimeSpan.TicksPerHour, $"longest gap {TimeSpan.FromTicks(longestGap)}");
        Assert.True(biggestSecond >= 10, $"largest burst in one second {biggestSecond}");
        Assert.True(oneMinute.LateTicks > 10, $"1m late ticks {oneMinute.LateTicks}");
        Assert.True(amended > 5, $"1m candles amended {amended}");
        Assert.True(createdLate > 0, $"1m candles created by a late tick {createdLate}");
        Assert.True(reference.HighestOffsets.Count > 1, "one partition only");
        Assert.Contains(ticks, t => t.Timestamp.Offset != TimeSpan.Zero);
        Assert.True(applied.Max(t => t.UtcTicks) - applied.Min(t => t.UtcTicks) > TimeSpan.TicksPerDay, "the 24h window never rolls");
    }
}
