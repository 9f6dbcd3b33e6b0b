namespace Pricing.Runtime.Tests;

public sealed class SingleActivationTests
{
    [Fact]
    public async Task ThousandConcurrentFirstCallsToOneKeyCreateOneActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("hot");
        // The first call to get in stops inside OnActivateAsync, so every other call arrives while activation is in progress.
        var activation = silo.Probe.Hold("activate:hot");

        var calls = await Concurrently.StartAsync(1000, _ => counter.AddAsync(1));
        await activation.Entered.Within();
        await Eventually.TrueAsync(() => silo.Management.GetStatistics().MailboxDepth == 999, because: "the other 999 calls queued");
        activation.Release();
        var counts = await Task.WhenAll(calls).Within();

        // Each call saw the count left by the one before it: the turns ran one at a time on one grain.
        Assert.Equal(Enumerable.Range(1, 1000), counts.Order());
        Assert.Equal(1, silo.Probe.Constructed);
        Assert.Single(silo.Probe.For("hot").Activations);
        Assert.Equal(1, silo.StorageCalls.ReadsOf(counter.Id()));
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task ConcurrentFirstCallsToManyKeysCreateOneActivationPerKey()
    {
        const int Keys = 50;
        const int CallsPerKey = 20;
        await using var silo = await TestSilo.StartAsync();

        var calls = await Concurrently.StartAsync(Keys * CallsPerKey, i => silo.Get<ICounterGrain>($"k{i % Keys}").AddAsync(1));
        await Task.WhenAll(calls).Within();

        Assert.Equal(Keys, silo.Probe.Constructed);
        Assert.Equal(Keys, silo.Management.ActivationCount);
        for (var k = 0; k < Keys; k++)
        {
            var counter = silo.Get<ICounterGrain>($"k{k}");
            Assert.Single(silo.Probe.For($"k{k}").Activations);
            Assert.Equal(1, silo.StorageCalls.ReadsOf(counter.Id()));
            Assert.Equal(CallsPerKey, (await counter.GetAsync()).Count);
        }
    }

    [Fact]
    public async Task GetGrainActivatesNothingUntilTheFirstCall()
    {
        await using var silo = await TestSilo.StartAsync();

        var counter = silo.Get<ICounterGrain>("lazy");

        Assert.Equal(new GrainId("counter", "lazy"), counter.Id());
        Assert.Equal(0, silo.Management.ActivationCount);
        Assert.Equal(0, silo.Probe.Constructed);
        await counter.AddAsync(1);
        Assert.Equal(1, silo.Management.ActivationCount);
    }
}
