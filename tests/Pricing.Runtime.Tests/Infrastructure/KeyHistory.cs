using System.Collections.Concurrent;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>The life of one grain key as its activations reported it.</summary>
internal sealed class KeyHistory
{
    private readonly ConcurrentQueue<int> _activations = new();
    private readonly ConcurrentQueue<Deactivation> _deactivations = new();
    private readonly ConcurrentQueue<int> _ticks = new();
    private int _active;
    private int _maxActive;

    /// <summary>Instance ids whose OnActivateAsync completed, in order.</summary>
    public IReadOnlyList<int> Activations => [.. _activations];

    /// <summary>Deactivations that have begun (OnDeactivateAsync entered), in order.</summary>
    public IReadOnlyList<Deactivation> Deactivations => [.. _deactivations];

    /// <summary>Timer ticks that have begun, by tick number.</summary>
    public IReadOnlyList<int> Ticks => [.. _ticks];

    /// <summary>Activations between OnActivateAsync and the end of OnDeactivateAsync.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>The most activations ever active at once: 1 for a grain that is never active twice.</summary>
    public int MaxActive => Volatile.Read(ref _maxActive);

    public void Activated(int instanceId)
    {
        var active = Interlocked.Increment(ref _active);
        int max;
        while (active > (max = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, active, max) != max)
        {
        }

        _activations.Enqueue(instanceId);
    }

    /// <summary>Called as OnDeactivateAsync begins; the grain fills in the rest as it goes.</summary>
    public Deactivation Deactivating(int instanceId, DeactivationReason reason)
    {
        var deactivation = new Deactivation(instanceId, reason);
        _deactivations.Enqueue(deactivation);
        return deactivation;
    }

    /// <summary>Called as OnDeactivateAsync ends.</summary>
    public void Deactivated(Deactivation deactivation)
    {
        deactivation.Completed = true;
        Interlocked.Decrement(ref _active);
    }

    public void Ticked(int tick) => _ticks.Enqueue(tick);
}

internal sealed class Deactivation(int instanceId, DeactivationReason reason)
{
    public int InstanceId { get; } = instanceId;

    public DeactivationReason Reason { get; } = reason;

    public volatile bool WroteState;

    public volatile bool TokenCancelled;

    public volatile bool Completed;
}
