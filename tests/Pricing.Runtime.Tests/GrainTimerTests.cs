using Microsoft.Extensions.Logging;

namespace Pricing.Runtime.Tests;

public sealed class GrainTimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CallbackLongerThanItsPeriodNeverOverlapsItselfNorACall()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        var grain = silo.Get<ITimerGrain>("t");
        var history = silo.Probe.For("t");
        await grain.StartTimerAsync(new TimerPlan(Period, Period));
        var firstTick = silo.Probe.Hold("tick:t:1");

        silo.Time.Advance(Period);
        await firstTick.Entered.Within();
        // Ten periods pass while tick 1 is still running: no other tick may start.
        silo.Time.Advance(10 * Period);
        var ping = grain.PingAsync().AsTask();

        Assert.Equal([1], history.Ticks);
        Assert.False(ping.IsCompleted);
        firstTick.Release();
        await ping.Within();
        await Eventually.AdvanceUntilAsync(silo.Time, Period, () => history.Ticks.Count >= 3, because: "ticks go on after the long one");

        var report = await grain.GetReportAsync();
        Assert.Equal(0, report.Overlaps);
        Assert.Equal(history.Ticks, Enumerable.Range(1, history.Ticks.Count));
    }

    [Fact]
    public async Task TicksAndConcurrentCallsNeverOverlap()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        var grain = silo.Get<ITimerGrain>("t");
        var history = silo.Probe.For("t");
        await grain.StartTimerAsync(new TimerPlan(Period, Period));

        var callers = await Concurrently.StartAsync(4, async _ =>
        {
            for (var i = 0; i < 100; i++)
            {
                await grain.PingAsync();
            }

            return 0;
        });
        while (!callers.All(c => c.IsCompleted))
        {
            silo.Time.Advance(Period);
            await Task.Yield();
        }

        await Task.WhenAll(callers).Within();
        await Eventually.AdvanceUntilAsync(silo.Time, Period, () => history.Ticks.Count >= 5);
        Assert.Equal(0, (await grain.GetReportAsync()).Overlaps);
    }

    [Fact]
    public async Task TicksContinueAfterACallbackThrows()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        var grain = silo.Get<ITimerGrain>("t");
        var history = silo.Probe.For("t");
        await grain.StartTimerAsync(new TimerPlan(Period, Period, ThrowOnTick: 2));

        await Eventually.AdvanceUntilAsync(silo.Time, Period, () => history.Ticks.Count >= 4);

        var report = await grain.GetReportAsync();
        Assert.True(report.TicksCompleted >= 3, $"{report.TicksCompleted} ticks completed");
        Assert.Equal(history.Activations[0], report.InstanceId);
        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is GrainFaultException && e.Message.Contains("timer/t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimersStopWhenTheActivationDeactivates()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        var grain = silo.Get<ITimerGrain>("t");
        var history = silo.Probe.For("t");
        var collectorOnly = silo.Time.ScheduledTimerCount;
        await grain.StartTimerAsync(new TimerPlan(Period, Period));
        await Eventually.AdvanceUntilAsync(silo.Time, Period, () => history.Ticks.Count >= 2);

        await grain.DeactivateOnIdleAsync();
        await Eventually.TrueAsync(() => history.Deactivations is [{ Completed: true }]);
        var ticks = history.Ticks.Count;
        silo.Time.Advance(10 * Period);

        Assert.Equal(collectorOnly, silo.Time.ScheduledTimerCount);
        Assert.Equal(ticks, history.Ticks.Count);
        Assert.Single(history.Activations);
        Assert.Equal(0, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task DisposedTimerTicksNoMore()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        var grain = silo.Get<ITimerGrain>("t");
        var history = silo.Probe.For("t");
        var collectorOnly = silo.Time.ScheduledTimerCount;
        await grain.StartTimerAsync(new TimerPlan(Period, Period));
        await Eventually.AdvanceUntilAsync(silo.Time, Period, () => history.Ticks.Count >= 1);

        await grain.StopTimerAsync();
        var ticks = history.Ticks.Count;
        silo.Time.Advance(10 * Period);

        Assert.Equal(collectorOnly, silo.Time.ScheduledTimerCount);
        Assert.Equal(ticks, history.Ticks.Count);
        Assert.Equal(1, silo.Management.ActivationCount);
    }
}
