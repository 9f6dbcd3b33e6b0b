namespace Pricing.Runtime.Tests;

public sealed class GrainStateTests
{
    [Fact]
    public async Task NewKeyActivatesWithDefaultStateAndNoRecord()
    {
        await using var silo = await TestSilo.StartAsync();

        var snapshot = await silo.Get<ICounterGrain>("new").GetAsync();

        Assert.Equal(0, snapshot.Count);
        Assert.False(snapshot.RecordExists);
        Assert.Null(snapshot.Etag);
    }

    [Fact]
    public async Task WriteStateStoresTheStateAndAdvancesTheEtag()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("w");

        await counter.AddAsync(2);
        await counter.SaveAsync();
        var afterFirst = await counter.GetAsync();
        await counter.AddAsync(3);
        await counter.SaveAsync();
        var afterSecond = await counter.GetAsync();

        Assert.Equal(("1", true), (afterFirst.Etag, afterFirst.RecordExists));
        Assert.Equal("2", afterSecond.Etag);
        Assert.Equal(2, silo.StorageCalls.WritesOf(counter.Id()));
        var stored = new GrainState<CounterState>(new CounterState());
        await silo.Storage.ReadStateAsync("counter", counter.Id(), stored);
        Assert.Equal(5, stored.State.Count);
    }

    /// <summary>
    /// Orleans' ClearStateAsync deletes the record and resets the in-memory state to a new
    /// instance; without the reset, the cleared values come back with the next write (for
    /// instance on deactivation).
    /// </summary>
    [Fact]
    public async Task ClearStateRemovesTheRecordAndResetsTheInMemoryState()
    {
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.Get<ICounterGrain>("c");
        await counter.AddAsync(5);
        await counter.SaveAsync();

        await counter.ClearAsync();
        var snapshot = await counter.GetAsync();

        Assert.Equal(0, silo.Storage.Count);
        Assert.False(snapshot.RecordExists);
        Assert.Null(snapshot.Etag);
        Assert.Equal(0, snapshot.Count);
    }

    [Fact]
    public async Task GrainWhoseStorageIsNotRegisteredFailsActivationNamingTheProvider()
    {
        await using var silo = await TestSilo.StartAsync();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Get<IOrphanGrain>("o").PingAsync().AsTask());

        Assert.Contains("'Nowhere'", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, silo.Management.ActivationCount);
    }
}
