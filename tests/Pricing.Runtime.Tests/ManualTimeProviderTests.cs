namespace Pricing.Runtime.Tests;

/// <summary>The test clock itself: the other tests are only as good as it is.</summary>
public sealed class ManualTimeProviderTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void AdvanceMovesTimeAndTimestamps()
    {
        var start = _time.GetUtcNow();
        var stamp = _time.GetTimestamp();

        _time.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(start.AddSeconds(90), _time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), _time.GetElapsedTime(stamp));
    }

    [Fact]
    public void TimersFireInDueOrderAndSeeTheirDueTime()
    {
        var start = _time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = _time.CreateTimer(_ => fired.Add(("late", _time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = _time.CreateTimer(_ => fired.Add(("early", _time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(0, _time.ScheduledTimerCount);
    }

    [Fact]
    public void PeriodicTimerFiresOncePerPeriodUntilDisposed()
    {
        var ticks = 0;
        var timer = _time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(3.5));
        timer.Dispose();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(3, ticks);
        Assert.Equal(0, _time.ScheduledTimerCount);
    }

    [Fact]
    public void ChangeReschedulesFromNowAndInfiniteStops()
    {
        var ticks = 0;
        using var timer = _time.CreateTimer(_ => ticks++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, ticks);

        timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, ticks);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, ticks);

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, ticks);
    }

    [Fact]
    public void TimerDueNowFiresOnTheNextAdvanceEvenByZero()
    {
        var ticks = 0;
        using var timer = _time.CreateTimer(_ => ticks++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(0, ticks);

        _time.Advance(TimeSpan.Zero);

        Assert.Equal(1, ticks);
    }

    [Fact]
    public async Task DelayAndCancellationTokenSourceFollowTheManualClock()
    {
        var delay = Task.Delay(TimeSpan.FromMinutes(1), _time);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2), _time);

        _time.Advance(TimeSpan.FromMinutes(1));
        await delay.Within();
        Assert.False(timeout.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(timeout.IsCancellationRequested);
    }
}
