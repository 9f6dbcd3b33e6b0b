using System.Collections.Concurrent;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>Grain storage that counts the calls made to it and passes them to the memory storage.</summary>
internal sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public const string Name = "Counting";

    private readonly ConcurrentDictionary<GrainId, int> _reads = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();

    public int ReadsOf(GrainId grainId) => _reads.GetValueOrDefault(grainId);

    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(grainId, 1, static (_, n) => n + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate(grainId, 1, static (_, n) => n + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
