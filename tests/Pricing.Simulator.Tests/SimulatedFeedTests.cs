using Pricing.Grains;

namespace Pricing.Simulator.Tests;

public class SimulatedFeedTests
{
    [Fact]
    public void PollingEveryTenMillisecondsDeliversTheConfiguredRate()
    {
        var time = new ManualTimeProvider();
        var feed = new SimulatedFeed(new SimulatorOptions { Seed = 1, TicksPerSecond = 1000 }, time);
        var buffer = new Tick[feed.Pacer.MaxBurst];
        var ticks = new List<Tick>();

        for (var i = 0; i < 1000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            ticks.AddRange(buffer.AsSpan(0, feed.Poll(buffer)));
        }

        Assert.Equal(10_000, ticks.Count);
        AssertOrderedWithin(ticks, ManualTimeProvider.DefaultStart, ManualTimeProvider.DefaultStart.AddSeconds(10));
    }

    [Fact]
    public void CompressedTimeSpreadsTicksOverSimulatedHours()
    {
        var time = new ManualTimeProvider();
        var feed = new SimulatedFeed(new SimulatorOptions { Seed = 1, TicksPerSecond = 100, SimulatedSecondsPerSecond = 3600 }, time);
        var buffer = new Tick[feed.Pacer.MaxBurst];
        var ticks = new List<Tick>();

        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            ticks.AddRange(buffer.AsSpan(0, feed.Poll(buffer)));
        }

        // Five wall seconds: 500 ticks over five hours of event time.
        Assert.Equal(500, ticks.Count);
        AssertOrderedWithin(ticks, ManualTimeProvider.DefaultStart, ManualTimeProvider.DefaultStart.AddHours(5));
        Assert.True(ticks[^1].Timestamp > ManualTimeProvider.DefaultStart.AddHours(4.9));
    }

    [Fact]
    public void InterceptorSeesEveryBatchAndMayRewriteIt()
    {
        var time = new ManualTimeProvider();
        var interceptor = new HalvingInterceptor();
        var feed = new SimulatedFeed(new SimulatorOptions { Seed = 1 }, time, interceptor);
        var buffer = new Tick[feed.Pacer.MaxBurst];
        var sizes = new List<decimal>();

        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            var count = feed.Poll(buffer);
            sizes.AddRange(buffer.Take(count).Select(t => t.Size));
        }

        Assert.Equal(10, interceptor.Batches);
        Assert.Equal(200, sizes.Count);
        Assert.Contains(sizes, s => s % 1 != 0);
    }

    [Fact]
    public void PollBeforeTimeMovesProducesNothing()
    {
        var feed = new SimulatedFeed(new SimulatorOptions { Seed = 1 }, new ManualTimeProvider());

        Assert.Equal(0, feed.Poll(new Tick[100]));
    }

    private static void AssertOrderedWithin(List<Tick> ticks, DateTimeOffset from, DateTimeOffset to)
    {
        for (var i = 0; i < ticks.Count; i++)
        {
            Assert.InRange(ticks[i].Timestamp, from, to.AddTicks(-1));
            if (i > 0)
                Assert.True(ticks[i - 1].Timestamp <= ticks[i].Timestamp, $"out of order at {i}");
        }
    }

    private sealed class HalvingInterceptor : ITickBatchInterceptor
    {
        public int Batches { get; private set; }

        public void Intercept(Span<Tick> batch)
        {
            Batches++;
            foreach (ref var tick in batch)
                tick = tick with { Size = tick.Size / 2 };
        }
    }
}
