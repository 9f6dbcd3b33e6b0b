namespace Pricing.Runtime.Tests;

public sealed class ExceptionIsolationTests
{
    [Fact]
    public async Task ExceptionInATurnReachesTheCallerWithItsTypeAndMessage()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IFaultyGrain>("f");

        var thrown = await Assert.ThrowsAsync<GrainFaultException>(() => grain.IncrementThenThrowAsync("bad tick 42").AsTask());

        Assert.Equal("bad tick 42", thrown.Message);
    }

    [Fact]
    public async Task SynchronousThrowInAGrainMethodReachesTheCaller()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IFaultyGrain>("f");

        var thrown = await Assert.ThrowsAsync<GrainFaultException>(() => grain.ThrowSynchronouslyAsync("no task").AsTask());

        Assert.Equal("no task", thrown.Message);
        Assert.Equal(1, await grain.IncrementAsync());
    }

    [Fact]
    public async Task ActivationKeepsItsStateAndServesTheNextCallAfterAnException()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IFaultyGrain>("f");
        await grain.IncrementAsync();
        var before = await grain.GetReportAsync();

        await Assert.ThrowsAsync<GrainFaultException>(() => grain.IncrementThenThrowAsync("boom").AsTask());
        var next = await grain.IncrementAsync();

        // The change made before the throw stays: a turn is not a transaction, and the activation lives on.
        Assert.Equal(3, next);
        Assert.Equal(before.InstanceId, (await grain.GetReportAsync()).InstanceId);
        Assert.Equal(1, silo.Probe.Constructed);
    }

    [Fact]
    public async Task QueuedCallsRunAfterAFailingTurn()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Get<IFaultyGrain>("f");

        var failing = grain.IncrementThenThrowAsync("first fails").AsTask();
        var after = Enumerable.Range(0, 10).Select(_ => grain.IncrementAsync().AsTask()).ToArray();

        await Assert.ThrowsAsync<GrainFaultException>(() => failing);
        Assert.Equal(Enumerable.Range(2, 10), await Task.WhenAll(after).Within());
    }
}
