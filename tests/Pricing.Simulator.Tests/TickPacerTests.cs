namespace Pricing.Simulator.Tests;

public class TickPacerTests
{
    [Fact]
    public void ProducesExactlyTheRateOverSimulatedTime()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(2000, time);
        long total = 0;

        // 1000 wake-ups of 7 ms: 14 ticks each, 14,000 over 7 s.
        for (var i = 0; i < 1000; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(7));
            total += pacer.Take();
        }

        Assert.Equal(14_000, total);
        Assert.Equal(14_000, pacer.Produced);
        Assert.Equal(0, pacer.Skipped);
    }

    [Fact]
    public void IrregularWakeUpsDoNotDrift()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(1234.5, time);
        var elapsed = TimeSpan.Zero;
        long total = 0;

        // Wake-ups of 1 to 13 ms, never a whole number of ticks apart: the fractions must carry over.
        for (var i = 0; i < 5000; i++)
        {
            var step = TimeSpan.FromTicks(10_000 + (i * 7919 % 120_000));
            time.Advance(step);
            elapsed += step;
            total += pacer.Take();
            Assert.Equal((long)Math.Floor(elapsed.TotalSeconds * 1234.5), total);
        }
    }

    [Fact]
    public void FractionalRatesCarryTheRemainder()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(3, time);
        var counts = new List<int>();

        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            counts.Add(pacer.Take());
        }

        Assert.Equal(30, counts.Sum());
        Assert.Equal([0, 0, 0, 1], counts.Take(4));
    }

    [Fact]
    public void CatchUpAfterAStallIsCappedAtOneSecondsWorth()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(2000, time);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2000, pacer.Take());
        Assert.Equal(18_000, pacer.Skipped);
        Assert.Equal(0, pacer.Take());

        // The skipped ticks are not owed: pacing resumes at the normal rate.
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(10, pacer.Take());
    }

    [Fact]
    public void BurstCapFollowsTheConfiguredWindow()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(1000, time, maxBurst: TimeSpan.FromMilliseconds(250));

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(250, pacer.MaxBurst);
        Assert.Equal(250, pacer.Take());
    }

    [Fact]
    public void BurstCapIsAtLeastOneTick()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(0.5, time, maxBurst: TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, pacer.Take());
    }

    [Fact]
    public void TicksBeyondTheCallersLimitStayDue()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(2000, time);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(500, pacer.Take(500));
        Assert.Equal(1500, pacer.Take());
        Assert.Equal(0, pacer.Skipped);
    }

    [Fact]
    public void NothingIsDueBeforeTimeMoves()
    {
        var pacer = new TickPacer(2000, new ManualTimeProvider());

        Assert.Equal(0, pacer.Take());
    }

    [Fact]
    public void TimeUntilNextTellsWhenTheNextTickIsDue()
    {
        var time = new ManualTimeProvider();
        var pacer = new TickPacer(4, time);

        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.TimeUntilNext());

        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(150), pacer.TimeUntilNext());

        time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(TimeSpan.Zero, pacer.TimeUntilNext());

        Assert.Equal(1, pacer.Take());
        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.TimeUntilNext());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidRateIsRejected(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickPacer(rate, new ManualTimeProvider()));
}
