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
    /// An activation is idle once it has had no turn for the collection age, counted from the end
    /// of its last turn: one that has just finished a turn longer than that was in use all along.
    /// </summary>
    [Fact]
    public async Task IdleTimeCountsFromTheEndOfTheLastTurn()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var slow = silo.Get<ICounterGrain>("slow");
        var longTurn = silo.Probe.Hold("long turn");
        var call = slow.HoldAsync("long turn").AsTask();
        await longTurn.Entered.Within();

        // The turn runs from 0 s to 120 s; the witness is used at 100 s.
        silo.Time.Advance(TimeSpan.FromSeconds(100));
        await silo.Get<ICounterGrain>("witness").AddAsync(1);
        silo.Time.Advance(TimeSpan.FromSeconds(20));
        longTurn.Release();
        await call.Within();
        // At 170 s the witness has been idle for 70 s and is collected; the slow grain only for 50 s.
        silo.Time.Advance(TimeSpan.FromSeconds(50));
        await Eventually.TrueAsync(() => silo.Probe.For("witness").Deactivations is [{ Completed: true }], because: "the witness is collected");

        Assert.Empty(silo.Probe.For("slow").Deactivations);
        Assert.Equal(1, silo.Management.ActivationCount);
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
        await silo.Get<ICounterGrain>("witness").AddAsync(1);
        // A collection pass finds both idle: it collects the witness and gets nowhere with the stuck one.
        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);
        await Eventually.TrueAsync(() => silo.Probe.For("witness").Deactivations is [{ Completed: true }], because: "a collection pass ran");

        await silo.Get<ICounterGrain>("idle").AddAsync(1);
        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);

        await Eventually.TrueAsync(
            () => silo.Probe.For("idle").Deactivations is [{ Completed: true }],
            TimeSpan.FromSeconds(2),
            because: "the other activation is idle for longer than the collection age");
        Assert.False(holding.IsCompleted);
    }
}
