namespace Pricing.Runtime.Tests.Grains;

/// <summary>A counter with persistent state: changes stay in memory until saved or deactivated.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the in-memory count; returns the new count.</summary>
    ValueTask<int> AddAsync(int amount);

    ValueTask<CounterSnapshot> GetAsync();

    ValueTask SaveAsync();

    ValueTask ClearAsync();

    /// <summary>Stops inside the turn at the probe's blocker <paramref name="blockerName"/>, if one is armed.</summary>
    ValueTask HoldAsync(string blockerName);

    ValueTask DeactivateOnIdleAsync();
}

public sealed record CounterSnapshot(int Count, int InstanceId, string? Etag, bool RecordExists);
