using Pricing.Grains;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Producing;

public sealed class EvenTickSourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SpreadsEventTimesEvenlyAtTheEventRate()
    {
        var source = new EvenTickSource(Simulator(1), Start, eventsPerSecond: 1000);
        var ticks = await Take(source, 5000, batch: 333);

        Assert.Equal(5000, ticks.Count);
        for (var i = 0; i < ticks.Count; i++)
            Assert.Equal(Start.AddMilliseconds(i), ticks[i].Timestamp);
    }

    [Fact]
    public async Task FractionalSpacingDoesNotDrift()
    {
        var source = new EvenTickSource(Simulator(1), Start, eventsPerSecond: 3);
        var ticks = await Take(source, 301, batch: 7);

        // Tick 300 is exactly 100 s in, although 1/3 s is not a whole number of 100 ns ticks.
        Assert.Equal(Start.AddSeconds(100), ticks[300].Timestamp);
        Assert.True(ticks.Zip(ticks.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
    }

    [Fact]
    public async Task SameSeedGivesSameTicksWhateverTheBatchSize()
    {
        var a = await Take(new EvenTickSource(Simulator(5), Start, 1000), 3000, batch: 1024);
        var b = await Take(new EvenTickSource(Simulator(5), Start, 1000), 3000, batch: 17);

        Assert.Equal(a, b);
    }

    private static MarketSimulator Simulator(int seed) => new(new SimulatorOptions { Seed = seed });

    private static async Task<List<Tick>> Take(EvenTickSource source, int count, int batch)
    {
        var buffer = new Tick[batch];
        var ticks = new List<Tick>();
        while (ticks.Count < count)
        {
            var n = await source.NextAsync(buffer, Math.Min(batch, count - ticks.Count), CancellationToken.None);
            ticks.AddRange(buffer.Take(n));
        }

        return ticks;
    }
}
