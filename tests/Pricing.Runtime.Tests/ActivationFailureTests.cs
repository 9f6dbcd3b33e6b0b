namespace Pricing.Runtime.Tests;

public sealed class ActivationFailureTests
{
    [Fact]
    public async Task OnActivateAsyncThrowingFailsTheCallWithThatException()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.FailActivations("f", 1);
        var grain = silo.Get<IFaultyGrain>("f");

        var thrown = await Assert.ThrowsAsync<GrainFaultException>(() => grain.IncrementAsync().AsTask());

        Assert.Equal("activation of f failed on purpose", thrown.Message);
        Assert.Equal(0, silo.Management.ActivationCount);
        Assert.Empty(silo.Probe.For("f").Activations);
    }

    [Fact]
    public async Task NextCallAfterAFailedActivationActivatesAFreshGrain()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.FailActivations("f", 2);
        var grain = silo.Get<IFaultyGrain>("f");

        await Assert.ThrowsAsync<GrainFaultException>(() => grain.IncrementAsync().AsTask());
        await Assert.ThrowsAsync<GrainFaultException>(() => grain.IncrementAsync().AsTask());
        var count = await grain.IncrementAsync();

        Assert.Equal(1, count);
        Assert.Equal(3, silo.Probe.Constructed);
        Assert.Equal([3], silo.Probe.For("f").Activations);
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task CallsQueuedBehindAFailedActivationGoToANewActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        silo.Probe.FailActivations("f", 1);
        var activating = silo.Probe.Hold("activate:f");
        var grain = silo.Get<IFaultyGrain>("f");

        var first = grain.IncrementAsync().AsTask();
        await activating.Entered.Within();
        var queued = Enumerable.Range(0, 5).Select(_ => grain.IncrementAsync().AsTask()).ToArray();
        activating.Release();

        await Assert.ThrowsAsync<GrainFaultException>(() => first);
        Assert.Equal(Enumerable.Range(1, 5), (await Task.WhenAll(queued).Within()).Order());
        Assert.Equal(2, silo.Probe.Constructed);
        Assert.Equal([2], silo.Probe.For("f").Activations);
    }
}
