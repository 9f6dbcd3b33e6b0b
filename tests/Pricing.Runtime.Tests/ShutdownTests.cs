namespace Pricing.Runtime.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StoppingTheHostDeactivatesEveryActivationAndEachWritesItsState()
    {
        await using var silo = await TestSilo.StartAsync();
        var keys = Enumerable.Range(0, 20).Select(i => $"s{i}").ToArray();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            await silo.Get<ICounterGrain>(key).AddAsync(i + 1);
        }

        await silo.StopAsync();

        Assert.Equal(0, silo.Management.ActivationCount);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            var deactivation = Assert.Single(silo.Probe.For(key).Deactivations);
            Assert.Equal(DeactivationReasonCode.ShuttingDown, deactivation.Reason.Code);
            Assert.True(deactivation.WroteState);
            var stored = new GrainState<CounterState>(new CounterState());
            await silo.Storage.ReadStateAsync("counter", new GrainId("counter", key), stored);
            Assert.Equal(i + 1, stored.State.Count);
        }
    }

    [Fact]
    public async Task CallsQueuedWhenTheHostStopsRunBeforeTheFinalWrite()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("q");
        var busy = silo.Probe.Hold("busy");
        var holding = counter.HoldAsync("busy").AsTask();
        await busy.Entered.Within();
        var queued = Enumerable.Range(0, 3).Select(_ => counter.AddAsync(1).AsTask()).ToArray();

        var stopping = silo.StopAsync();
        await Eventually.TrueAsync(() => silo.Management.GetStatistics().MailboxDepth == 4, because: "the shutdown deactivation queued behind the calls");
        busy.Release();
        await stopping;

        var counts = await Task.WhenAll(queued).Within();
        Assert.Equal([1, 2, 3], counts);
        await holding.Within();
        var stored = new GrainState<CounterState>(new CounterState());
        await silo.Storage.ReadStateAsync("counter", counter.Id(), stored);
        Assert.Equal(3, stored.State.Count);
    }

    [Fact]
    public async Task CallsAfterShutdownFailWithAClearError()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("late");
        await counter.AddAsync(1);

        await silo.StopAsync();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.AddAsync(1).AsTask());

        Assert.Contains("shutting down", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("counter/late", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, silo.Management.ActivationCount);
    }

    /// <summary>
    /// One activation stuck in a turn cannot be deactivated; the others still write their state,
    /// and the stop ends when the host's shutdown budget runs out instead of waiting for the stuck turn.
    /// </summary>
    [Fact]
    public async Task StopWithAnActivationStuckInATurnWritesTheOthersAndEndsWithinTheBudget()
    {
        await using var silo = await TestSilo.StartAsync();
        var stuck = silo.Probe.Hold("stuck");
        _ = silo.Get<ICounterGrain>("stuck").HoldAsync("stuck").AsTask();
        await stuck.Entered.Within();
        await silo.Get<ICounterGrain>("other").AddAsync(5);

        var stop = await Record.ExceptionAsync(() => silo.StopAsync(budget: TimeSpan.FromSeconds(1)));

        var deactivation = Assert.Single(silo.Probe.For("other").Deactivations);
        Assert.True(deactivation.WroteState);
        Assert.False(stop is TimeoutException, "the stop was still waiting for the stuck turn 2 s after its 1 s budget ran out");
    }

    /// <summary>
    /// An idle-collection pass that waits behind a stuck turn must not use up the shutdown budget
    /// and leave the other activations without their final write.
    /// </summary>
    [Fact]
    public async Task StopWhileIdleCollectionWaitsBehindAStuckTurnStillWritesTheOthers()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(Settings.IdleCollection);
        var stuck = silo.Probe.Hold("stuck");
        _ = silo.Get<ICounterGrain>("stuck").HoldAsync("stuck").AsTask();
        await stuck.Entered.Within();
        await silo.Get<ICounterGrain>("witness").AddAsync(1);
        // A collection pass finds both idle: it collects the witness and gets nowhere with the stuck one.
        silo.Time.Advance(Settings.CollectionAge + Settings.CollectionQuantum);
        await Eventually.TrueAsync(() => silo.Probe.For("witness").Deactivations is [{ Completed: true }], because: "a collection pass ran");
        await silo.Get<ICounterGrain>("other").AddAsync(5);

        var stop = await Record.ExceptionAsync(() => silo.StopAsync(budget: TimeSpan.FromSeconds(1)));

        var deactivations = silo.Probe.For("other").Deactivations;
        Assert.True(deactivations is [{ WroteState: true }], $"'other' was not written on shutdown (stop ended with {stop?.GetType().Name ?? "no error"})");
    }
}
