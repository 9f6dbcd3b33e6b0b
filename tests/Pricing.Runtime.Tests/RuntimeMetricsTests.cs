namespace Pricing.Runtime.Tests;

public sealed class RuntimeMetricsTests
{
    [Fact]
    public async Task TurnsCounterCountsEveryCallByGrainType()
    {
        await using var silo = await TestSilo.StartAsync();
        using var metrics = new MetricsRecorder(silo.Services);
        var turn = silo.Get<ITurnGrain>("m");
        var counter = silo.Get<ICounterGrain>("m");

        for (var i = 0; i < 10; i++)
        {
            await turn.RecordAsync(i);
        }

        await counter.AddAsync(1);

        Assert.Equal(10, metrics.Sum("pricing.runtime.turns", "turn"));
        Assert.Equal(1, metrics.Sum("pricing.runtime.turns", "counter"));
        Assert.Equal(11, silo.Management.GetStatistics().TotalTurns);
    }

    [Fact]
    public async Task TimerTicksAreCountedAsTurns()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync();
        using var metrics = new MetricsRecorder(silo.Services);
        var grain = silo.Get<ITimerGrain>("m");
        await grain.StartTimerAsync(new TimerPlan(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var history = silo.Probe.For("m");
        await Eventually.AdvanceUntilAsync(silo.Time, TimeSpan.FromSeconds(1), () => history.Ticks.Count >= 3);

        // One turn for the StartTimerAsync call, one per tick (a tick is counted as it begins).
        Assert.Equal(1 + history.Ticks.Count, metrics.Sum("pricing.runtime.turns", "timer"));
    }

    [Fact]
    public async Task ActivationsInstrumentsFollowActivationAndDeactivation()
    {
        await using var silo = await TestSilo.StartAsync();
        using var metrics = new MetricsRecorder(silo.Services);

        for (var i = 0; i < 3; i++)
        {
            await silo.Get<ICounterGrain>($"a{i}").AddAsync(1);
        }

        Assert.Equal(3, metrics.Observe("pricing.runtime.activations"));
        Assert.Equal(3, metrics.Sum("pricing.runtime.activations.created", "counter"));

        await silo.Management.DeactivateAsync(id => id.Key == "a0", new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));

        Assert.Equal(2, metrics.Observe("pricing.runtime.activations"));
        Assert.Equal(1, metrics.Sum("pricing.runtime.activations.removed", "counter"));
    }

    [Fact]
    public async Task MailboxDepthReportsTheCallsWaitingBehindABlockedTurn()
    {
        await using var silo = await TestSilo.StartAsync();
        using var metrics = new MetricsRecorder(silo.Services);
        var grain = silo.Get<ITurnGrain>("blocked");
        var blocked = silo.Probe.Hold("blocked");
        var holding = grain.HoldAsync("blocked").AsTask();
        await blocked.Entered.Within();

        Assert.Equal(0, metrics.Observe("pricing.runtime.mailbox.depth"));
        var queued = Enumerable.Range(0, 7).Select(i => grain.RecordAsync(i).AsTask()).ToArray();

        Assert.Equal(7, metrics.Observe("pricing.runtime.mailbox.depth"));
        Assert.Equal(7, silo.Management.GetStatistics().MailboxDepth);
        blocked.Release();
        await Task.WhenAll([holding, .. queued]).Within();
        Assert.Equal(0, metrics.Observe("pricing.runtime.mailbox.depth"));
    }

    [Fact]
    public async Task StatisticsCountActivationsByGrainType()
    {
        await using var silo = await TestSilo.StartAsync();

        await silo.Get<ICounterGrain>("x").AddAsync(1);
        await silo.Get<ICounterGrain>("y").AddAsync(1);
        await silo.Get<ITurnGrain>("x").RecordAsync(1);

        var statistics = silo.Management.GetStatistics();
        Assert.Equal(3, statistics.Activations);
        Assert.Equal(2, statistics.ActivationsByType["counter"]);
        Assert.Equal(1, statistics.ActivationsByType["turn"]);
    }
}
