namespace Pricing.Runtime.Tests;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task IdleActivationIsCollectedAndTheNextCallRestoresItsState()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var counter = silo.Get<ICounterGrain>("idle");
        await counter.AddAsync(5);
        var first = await counter.GetAsync();

        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);
        var history = silo.Probe.For("idle");
        await Eventually.TrueAsync(() => history.Deactivations is [{ Completed: true }], because: "the idle activation is collected");

        var deactivation = Assert.Single(history.Deactivations);
        Assert.Equal(DeactivationReasonCode.ActivationIdle, deactivation.Reason.Code);
        Assert.True(deactivation.WroteState);
        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0);

        var second = await counter.GetAsync();
        Assert.Equal(5, second.Count);
        Assert.True(second.RecordExists);
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(1, history.MaxActive);
    }

    [Fact]
    public async Task RecentlyUsedActivationSurvivesThePassThatCollectsAnIdleOne()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var idle = silo.Get<ICounterGrain>("idle");
        var used = silo.Get<ICounterGrain>("used");
        await idle.AddAsync(1);
        await used.AddAsync(1);

        silo.Time.Advance(TimeSpan.FromSeconds(50));
        await used.AddAsync(1);
        silo.Time.Advance(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => silo.Probe.For("idle").Deactivations is [{ Completed: true }]);

        // Used 20 s ago: not idle for the 1 min collection age.
        Assert.Empty(silo.Probe.For("used").Deactivations);
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    /// <summary>
    /// An activation is idle once it has had no turn for the collection age. One that has just
    /// finished a turn that ran longer than that was in use all along, and must not be collected.
    /// </summary>
    [Fact]
    public async Task ActivationThatJustFinishedALongTurnIsNotCollectedAsIdle()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var counter = silo.Get<ICounterGrain>("slow");
        var longTurn = silo.Probe.Hold("long turn");
        var call = counter.HoldAsync("long turn").AsTask();
        await longTurn.Entered.Within();

        // Two minutes pass inside the turn; a collection pass picks the activation and waits behind the turn.
        silo.Time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => silo.Management.GetStatistics().MailboxDepth == 1, because: "the collector waits for its turn");
        longTurn.Release();
        await call.Within();
        // Queued behind the collector's turn, so it runs after the collector has decided.
        var next = await counter.GetAsync();

        Assert.Empty(silo.Probe.For("slow").Deactivations);
        Assert.Equal(silo.Probe.For("slow").Activations[0], next.InstanceId);
    }

    /// <summary>
    /// A turn that never ends (a hung call, a grain waiting on itself) must cost one activation,
    /// not idle collection for the whole silo.
    /// </summary>
    [Fact]
    public async Task ActivationStuckInATurnDoesNotStopIdleCollectionOfOthers()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var stuck = silo.Probe.Hold("stuck");
        var holding = silo.Get<ICounterGrain>("stuck").HoldAsync("stuck").AsTask();
        await stuck.Entered.Within();
        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);
        await Eventually.TrueAsync(() => silo.Management.GetStatistics().MailboxDepth == 1, because: "a collection pass waits behind the stuck turn");

        await silo.Get<ICounterGrain>("idle").AddAsync(1);
        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);

        await Eventually.TrueAsync(
            () => silo.Probe.For("idle").Deactivations is [{ Completed: true }],
            TimeSpan.FromSeconds(2),
            because: "the other activation is idle for longer than the collection age");
        Assert.False(holding.IsCompleted);
    }
}
