namespace Pricing.Simulator.Tests;

public class EventClockTests
{
    [Fact]
    public void RealTimeClockFollowsTheTimeProvider()
    {
        var time = new ManualTimeProvider();
        var clock = new EventClock(time);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(ManualTimeProvider.DefaultStart, clock.Start);
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(3), clock.GetNow());
    }

    [Fact]
    public void CompressedClockRunsAnHourPerSecond()
    {
        var time = new ManualTimeProvider();
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new EventClock(time, simulatedSecondsPerSecond: 3600, start);

        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.Equal(start.AddMinutes(90), clock.GetNow());
    }

    [Fact]
    public void NonPositiveSpeedUpIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventClock(new ManualTimeProvider(), 0));
}
