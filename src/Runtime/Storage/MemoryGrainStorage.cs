using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Pricing.Runtime;

/// <summary>
/// In-memory grain storage (Orleans: <c>MemoryGrainStorage</c>): encoded copies keyed by state
/// name and grain id, with an integer version as ETag. For the embedded mode and tests; gone
/// when the process ends.
/// </summary>
public sealed class MemoryGrainStorage(IServiceProvider services) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredRecord> _records = new();

    // One sequence for every record, so a version is never reused, even after a clear (no ABA).
    private long _lastVersion;

    public int Count => _records.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = Codec<T>().Decode(record.Data);
            grainState.ETag = Format(record.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = Codec<T>().Encode(grainState.State);
        var key = (stateName, grainId);
        while (true)
        {
            if (_records.TryGetValue(key, out var current))
            {
                var expected = Format(current.Version);
                if (grainState.ETag != expected)
                {
                    throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}", expected, grainState.ETag);
                }

                var next = new StoredRecord(data, Interlocked.Increment(ref _lastVersion));
                if (_records.TryUpdate(key, next, current))
                {
                    grainState.ETag = Format(next.Version);
                    grainState.RecordExists = true;
                    return Task.CompletedTask;
                }
            }
            else
            {
                if (grainState.ETag is not null)
                {
                    throw new InconsistentStateException($"Version conflict writing {stateName} of {grainId}: the record was cleared", null, grainState.ETag);
                }

                var created = new StoredRecord(data, Interlocked.Increment(ref _lastVersion));
                if (_records.TryAdd(key, created))
                {
                    grainState.ETag = Format(created.Version);
                    grainState.RecordExists = true;
                    return Task.CompletedTask;
                }
            }
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (_records.TryGetValue(key, out var current))
        {
            if (grainState.ETag != Format(current.Version))
            {
                throw new InconsistentStateException($"Version conflict clearing {stateName} of {grainId}", Format(current.Version), grainState.ETag);
            }

            if (!_records.TryRemove(KeyValuePair.Create(key, current)))
            {
                throw new InconsistentStateException($"Version conflict clearing {stateName} of {grainId}: written meanwhile", null, grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private IGrainStateCodec<T> Codec<T>() => services.GetRequiredService<IGrainStateCodec<T>>();

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StoredRecord(byte[] Data, long Version);
}
