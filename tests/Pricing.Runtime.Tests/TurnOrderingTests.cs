namespace Pricing.Runtime.Tests;

public sealed class TurnOrderingTests
{
    [Fact]
    public async Task CallsIssuedWithoutAwaitingRunInIssueOrder()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITurnGrain>("fifo");

        var calls = Enumerable.Range(0, 300).Select(i => grain.RecordAsync(i).AsTask()).ToArray();
        await Task.WhenAll(calls).Within();

        var report = await grain.GetReportAsync();
        Assert.Equal(Enumerable.Range(0, 300), report.Sequences);
        Assert.Equal(0, report.Overlaps);
    }

    [Fact]
    public async Task CallsQueuedBehindABusyTurnRunInIssueOrder()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITurnGrain>("fifo");
        var busy = silo.Probe.Hold("busy");
        var holding = grain.HoldAsync("busy").AsTask();
        await busy.Entered.Within();

        var calls = Enumerable.Range(0, 300).Select(i => grain.RecordAsync(i).AsTask()).ToArray();
        Assert.Equal(300, silo.Management.GetStatistics().MailboxDepth);
        busy.Release();
        await Task.WhenAll([holding, .. calls]).Within();

        Assert.Equal(Enumerable.Range(0, 300), (await grain.GetReportAsync()).Sequences);
    }

    [Fact]
    public async Task TurnsOfOneActivationNeverOverlap()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<ITurnGrain>("busy");

        // Sixteen callers on pool threads, each issuing its calls back to back.
        var callers = await Concurrently.StartAsync(16, async caller =>
        {
            for (var i = 0; i < 50; i++)
            {
                await grain.RecordAsync((caller * 1000) + i);
            }

            return caller;
        });
        await Task.WhenAll(callers).Within();

        var report = await grain.GetReportAsync();
        Assert.Equal(0, report.Overlaps);
        Assert.Equal(16 * 50, report.Sequences.Count);
        // Each caller's own calls stay in its order.
        for (var caller = 0; caller < 16; caller++)
        {
            var own = report.Sequences.Where(s => s / 1000 == caller).ToArray();
            Assert.Equal(Enumerable.Range(caller * 1000, 50), own);
        }
    }

    [Fact]
    public async Task DifferentActivationsRunTheirTurnsAtTheSameTime()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.Get<ITurnGrain>("a");
        var b = silo.Get<ITurnGrain>("b");

        // Each turn waits, inside the turn, for the other grain's turn to have started: both end only if they overlap.
        var first = a.MeetAsync("a", "b").AsTask();
        var second = b.MeetAsync("b", "a").AsTask();

        await Task.WhenAll(first, second).Within();
    }

    [Fact]
    public async Task ABlockedActivationDoesNotHoldUpAnother()
    {
        await using var silo = await TestSilo.StartAsync();
        var blocked = silo.Probe.Hold("stuck");
        var holding = silo.Get<ITurnGrain>("stuck").HoldAsync("stuck").AsTask();
        await blocked.Entered.Within();

        await silo.Get<ITurnGrain>("free").RecordAsync(1).Within();

        Assert.False(holding.IsCompleted);
        blocked.Release();
        await holding.Within();
    }
}
