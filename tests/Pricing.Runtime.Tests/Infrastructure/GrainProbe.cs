using System.Collections.Concurrent;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>
/// What the test grains report to the test, and the stops the test puts in their way. One per
/// silo (a singleton the grains get by constructor injection), so it outlives activations.
/// </summary>
internal sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, Blocker> _armed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Blocker> _all = new();
    private readonly ConcurrentDictionary<string, KeyHistory> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _activationFailures = new(StringComparer.Ordinal);
    private int _constructed;

    /// <summary>Grain instances constructed (every type, every key).</summary>
    public int Constructed => Volatile.Read(ref _constructed);

    /// <summary>Called from grain constructors: a new instance id, counting from 1.</summary>
    public int NextInstanceId() => Interlocked.Increment(ref _constructed);

    public KeyHistory For(string key) => _keys.GetOrAdd(key, static _ => new KeyHistory());

    /// <summary>The next time grain code passes <paramref name="name"/>, it stops there until released.</summary>
    public Blocker Hold(string name)
    {
        var blocker = new Blocker();
        if (!_armed.TryAdd(name, blocker))
        {
            throw new InvalidOperationException($"A blocker named '{name}' is already armed.");
        }

        _all.Enqueue(blocker);
        return blocker;
    }

    public Task PassAsync(string name) => _armed.TryRemove(name, out var blocker) ? blocker.PassAsync() : Task.CompletedTask;

    /// <summary>Lets every grain that is stopped (or will stop) at a blocker go on, so the host can stop.</summary>
    public void ReleaseAll()
    {
        foreach (var blocker in _all)
        {
            blocker.Release();
        }
    }

    /// <summary>The next <paramref name="times"/> activations of <paramref name="key"/> fail in OnActivateAsync.</summary>
    public void FailActivations(string key, int times) => _activationFailures[key] = times;

    public bool TakeActivationFailure(string key)
    {
        while (_activationFailures.TryGetValue(key, out var left) && left > 0)
        {
            if (_activationFailures.TryUpdate(key, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    public void Arrive(string name) => Arrival(name).TrySetResult();

    public Task ArrivalOf(string name) => Arrival(name).Task;

    private TaskCompletionSource Arrival(string name) =>
        _arrivals.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
