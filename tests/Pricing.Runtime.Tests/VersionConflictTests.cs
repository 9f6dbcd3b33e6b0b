namespace Pricing.Runtime.Tests;

public sealed class VersionConflictTests
{
    [Fact]
    public async Task WriteAfterTheStoredVersionMovedOnThrowsAndTheNextCallReadsTheNewerState()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("c");
        await counter.AddAsync(1);
        await counter.SaveAsync();
        var first = await counter.GetAsync();
        Assert.Equal("1", first.Etag);

        // Someone else (another silo, in production) writes newer state behind the activation's back.
        await WriteBehindTheGrainsBackAsync(silo, counter.Id(), count: 100);
        await counter.AddAsync(1);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.SaveAsync().AsTask());

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        var deactivation = Assert.Single(silo.Probe.For("c").Deactivations);
        Assert.Equal(DeactivationReasonCode.StateConflict, deactivation.Reason.Code);
        Assert.False(deactivation.Reason.MayWriteState);
        Assert.False(deactivation.WroteState);
        Assert.True(deactivation.Completed);
        Assert.Equal(0, silo.Management.ActivationCount);

        var second = await counter.GetAsync();
        Assert.Equal(100, second.Count);
        Assert.Equal("2", second.Etag);
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        // The conflicting activation wrote nothing: the stored record is still the other writer's.
        Assert.Equal(100, await StoredCountAsync(silo, counter.Id()));
    }

    [Fact]
    public async Task CallsQueuedBehindAConflictGoToTheNewActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("c");
        await counter.SaveAsync();
        await WriteBehindTheGrainsBackAsync(silo, counter.Id(), count: 10);
        var busy = silo.Probe.Hold("busy");
        var holding = counter.HoldAsync("busy").AsTask();
        await busy.Entered.Within();

        var save = counter.SaveAsync().AsTask();
        var add = counter.AddAsync(1).AsTask();
        busy.Release();

        await Assert.ThrowsAsync<InconsistentStateException>(() => save);
        Assert.Equal(11, await add.Within());
        await holding.Within();
        Assert.Equal(1, silo.Probe.For("c").MaxActive);
    }

    private static async Task WriteBehindTheGrainsBackAsync(TestSilo silo, GrainId id, int count)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await silo.Storage.ReadStateAsync(id.Type, id, state);
        state.State = new CounterState { Count = count };
        await silo.Storage.WriteStateAsync(id.Type, id, state);
    }

    private static async Task<int> StoredCountAsync(TestSilo silo, GrainId id)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await silo.Storage.ReadStateAsync(id.Type, id, state);
        return state.State.Count;
    }
}
