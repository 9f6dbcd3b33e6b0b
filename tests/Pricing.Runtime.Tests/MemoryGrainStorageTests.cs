namespace Pricing.Runtime.Tests;

public sealed class MemoryGrainStorageTests
{
    private const string StateName = "counter";
    private static readonly GrainId Id = new("counter", "k1");

    private readonly MemoryGrainStorage _storage = new(
        new ServiceCollection()
            .AddSingleton(typeof(IGrainStateCodec<>), typeof(JsonGrainStateCodec<>))
            .BuildServiceProvider());

    [Fact]
    public async Task ReadOfMissingRecordReportsNoRecordAndNoEtag()
    {
        var state = new GrainState<CounterState>(new CounterState()) { ETag = "7", RecordExists = true };

        await _storage.ReadStateAsync(StateName, Id, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task EachWriteIncrementsTheEtagAndReadReturnsTheLastWrite()
    {
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });

        await _storage.WriteStateAsync(StateName, Id, state);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);

        state.State.Count = 2;
        await _storage.WriteStateAsync(StateName, Id, state);
        Assert.Equal("2", state.ETag);

        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(2, read.State.Count);
    }

    [Fact]
    public async Task StorageKeepsACopyNotTheLiveStateObject()
    {
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await _storage.WriteStateAsync(StateName, Id, state);

        state.State.Count = 99;
        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, read);

        Assert.Equal(1, read.State.Count);
        Assert.NotSame(state.State, read.State);
    }

    [Fact]
    public async Task WriteWithStaleEtagThrowsAndLeavesTheStoredRecord()
    {
        var first = new GrainState<CounterState>(new CounterState { Count = 1 });
        await _storage.WriteStateAsync(StateName, Id, first);
        var second = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, second);
        second.State.Count = 2;
        await _storage.WriteStateAsync(StateName, Id, second);

        first.State.Count = 100;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Id, first));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal("1", first.ETag);
        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, read);
        Assert.Equal(2, read.State.Count);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task WriteWithoutEtagOverAnExistingRecordThrows()
    {
        await _storage.WriteStateAsync(StateName, Id, new GrainState<CounterState>(new CounterState { Count = 1 }));

        var blind = new GrainState<CounterState>(new CounterState { Count = 5 });

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Id, blind));
    }

    [Fact]
    public async Task ClearWithStaleEtagThrowsAndKeepsTheRecord()
    {
        var stale = new GrainState<CounterState>(new CounterState { Count = 1 });
        await _storage.WriteStateAsync(StateName, Id, stale);
        var current = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, current);
        await _storage.WriteStateAsync(StateName, Id, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, Id, stale));

        Assert.Equal(1, _storage.Count);
        Assert.Equal("1", stale.ETag);
    }

    [Fact]
    public async Task ClearWithCurrentEtagRemovesTheRecord()
    {
        var state = new GrainState<CounterState>(new CounterState { Count = 1 });
        await _storage.WriteStateAsync(StateName, Id, state);

        await _storage.ClearStateAsync(StateName, Id, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, _storage.Count);
        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task RecordsAreKeptApartByStateNameAndGrainId()
    {
        await _storage.WriteStateAsync(StateName, Id, new GrainState<CounterState>(new CounterState { Count = 1 }));
        await _storage.WriteStateAsync(StateName, Id with { Key = "k2" }, new GrainState<CounterState>(new CounterState { Count = 2 }));
        await _storage.WriteStateAsync("other", Id, new GrainState<CounterState>(new CounterState { Count = 3 }));

        var read = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, read);

        Assert.Equal(3, _storage.Count);
        Assert.Equal(1, read.State.Count);
        Assert.Equal("1", read.ETag);
    }

    /// <summary>
    /// Optimistic concurrency must not be fooled by a clear and rewrite in between (the ABA case):
    /// the first writer read version "1" of the old record; the new record must not carry an ETag
    /// that the old one had.
    /// </summary>
    [Fact]
    public async Task WriteWithEtagReadBeforeAClearAndRewriteThrows()
    {
        var stale = new GrainState<CounterState>(new CounterState { Count = 1 });
        await _storage.WriteStateAsync(StateName, Id, stale);

        var other = new GrainState<CounterState>(new CounterState());
        await _storage.ReadStateAsync(StateName, Id, other);
        await _storage.ClearStateAsync(StateName, Id, other);
        other.State = new CounterState { Count = 50 };
        await _storage.WriteStateAsync(StateName, Id, other);

        stale.State.Count = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Id, stale));
    }
}
