namespace Pricing.Web.Hubs;

/// <summary>
/// One key (a symbol, or the market summary) of a connection's outbox: the latest value not yet
/// sent, and when the next send may happen. Publishers write through <see cref="OutboxSlot{T}.Offer"/>
/// without locks; only the outbox's sender loop takes values out.
/// </summary>
/// <remarks>
/// A slot is "scheduled" while the sender loop knows about it (it sits in the ready queue or in
/// the loop's timer heap). Only the publisher that flips the flag from 0 to 1 enqueues the slot,
/// so the queue never holds a slot twice: memory is bounded by the number of slots.
/// </remarks>
internal abstract class OutboxSlot(ConnectionOutbox outbox, string key, string method)
{
    private int _scheduled;
    private long _nextSendAt;
    private long _lastVersion = long.MinValue;
    private volatile bool _armed;
    private volatile bool _removed;

    public ConnectionOutbox Outbox { get; } = outbox;

    /// <summary>The symbol, or <c>summary</c>.</summary>
    public string Key { get; } = key;

    /// <summary>The client method the value is sent with.</summary>
    public string Method { get; } = method;

    /// <summary>False until the subscription's snapshot is known: nothing is sent before.</summary>
    public bool IsArmed => _armed;

    public bool IsRemoved => _removed;

    /// <summary>Version (sequence) of the snapshot or of the last value sent; nothing at or below it is sent.</summary>
    public long LastVersion => Volatile.Read(ref _lastVersion);

    /// <summary>Timestamp (of the outbox's <see cref="TimeProvider"/>) before which nothing is sent.</summary>
    public long NextSendAt => Volatile.Read(ref _nextSendAt);

    /// <summary>Sets the baseline from a snapshot and holds the next send until <paramref name="holdUntil"/>.</summary>
    public void Arm(long snapshotVersion, long holdUntil)
    {
        InterlockedMax.Raise(ref _lastVersion, snapshotVersion);
        InterlockedMax.Raise(ref _nextSendAt, holdUntil);
        _armed = true;
    }

    public void Remove() => _removed = true;

    /// <summary>Called by the loop just before it sends a value.</summary>
    public void MarkSent(long version, long nextSendAt)
    {
        InterlockedMax.Raise(ref _lastVersion, version);
        InterlockedMax.Raise(ref _nextSendAt, nextSendAt);
    }

    /// <summary>True for the one caller that must hand the slot to the sender loop.</summary>
    public bool TrySchedule() => Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;

    /// <summary>
    /// Called by the loop before it takes the pending value (a full fence): a value offered after
    /// the take schedules the slot again, so the last value is never stranded.
    /// </summary>
    public void Unschedule() => Interlocked.Exchange(ref _scheduled, 0);

    /// <summary>Takes the pending value if it is newer than <see cref="LastVersion"/>.</summary>
    public abstract bool TryTake(out object? value, out long version);
}
