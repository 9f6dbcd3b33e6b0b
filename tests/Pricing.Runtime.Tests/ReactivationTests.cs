namespace Pricing.Runtime.Tests;

public sealed class ReactivationTests
{
    [Fact]
    public async Task DeactivateOnIdleWritesStateAndTheNextCallRestoresIt()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("c");
        await counter.AddAsync(3);
        var first = await counter.GetAsync();

        await counter.DeactivateOnIdleAsync();
        var history = silo.Probe.For("c");
        await Eventually.TrueAsync(() => history.Deactivations is [{ Completed: true }]);

        var deactivation = Assert.Single(history.Deactivations);
        Assert.Equal(DeactivationReasonCode.ApplicationRequested, deactivation.Reason.Code);
        Assert.True(deactivation.WroteState);
        var second = await counter.GetAsync();
        Assert.Equal(3, second.Count);
        Assert.NotEqual(first.InstanceId, second.InstanceId);
    }

    [Fact]
    public async Task ManagementDeactivatesTheMatchingActivationsOnly()
    {
        await using var silo = await TestSilo.StartAsync();
        var handedOver = silo.Get<ICounterGrain>("handed-over");
        var kept = silo.Get<ICounterGrain>("kept");
        await handedOver.AddAsync(7);
        await kept.AddAsync(1);

        await silo.Management.DeactivateAsync(
            id => id.Key == "handed-over",
            new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "partition handed over")).Within();

        var deactivation = Assert.Single(silo.Probe.For("handed-over").Deactivations);
        Assert.Equal("partition handed over", deactivation.Reason.Description);
        Assert.True(deactivation.Completed);
        Assert.True(deactivation.WroteState);
        Assert.Empty(silo.Probe.For("kept").Deactivations);
        Assert.Equal(1, silo.Management.ActivationCount);
        Assert.Equal(7, (await handedOver.GetAsync()).Count);
        Assert.Equal([1, 3], silo.Probe.For("handed-over").Activations);
    }

    [Fact]
    public async Task CallArrivingDuringDeactivationWaitsAndGoesToANewActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("c");
        await counter.AddAsync(4);
        var first = await counter.GetAsync();
        var deactivating = silo.Probe.Hold("deactivate:c");

        var deactivation = silo.Management.DeactivateAsync(
            id => id.Key == "c",
            new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));
        await deactivating.Entered.Within();
        var call = counter.GetAsync().AsTask();

        // The call waits in the old activation's mailbox while OnDeactivateAsync runs.
        Assert.False(call.IsCompleted);
        Assert.Equal(1, silo.Management.GetStatistics().MailboxDepth);
        Assert.Equal(1, silo.Probe.Constructed);
        deactivating.Release();
        await deactivation.Within();
        var second = await call.Within();

        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(4, second.Count);
        Assert.Equal(1, silo.Probe.For("c").MaxActive);
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task ConcurrentCallsAndDeactivationsNeverLoseAnUpdateNorOverlapActivations()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("churn");
        const int Rounds = 20;
        const int CallsPerRound = 50;

        for (var round = 0; round < Rounds; round++)
        {
            var calls = await Concurrently.StartAsync(CallsPerRound + 1, i => i == CallsPerRound / 2
                ? DeactivateAsync()
                : counter.AddAsync(1));
            await Task.WhenAll(calls).Within();
        }

        var history = silo.Probe.For("churn");
        Assert.Equal(Rounds * CallsPerRound, (await counter.GetAsync()).Count);
        Assert.Equal(1, history.MaxActive);
        Assert.All(history.Deactivations, d => Assert.True(d.WroteState));
        Assert.True(history.Activations.Count > 1);

        async ValueTask<int> DeactivateAsync()
        {
            await silo.Management.DeactivateAsync(
                id => id.Key == "churn",
                new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "churn"));
            return 0;
        }
    }
}
