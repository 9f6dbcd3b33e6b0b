namespace Pricing.Web.Hubs;

/// <summary>An outbox slot holding values of <typeparamref name="T"/>, ordered by a version (a quote's sequence).</summary>
internal sealed class OutboxSlot<T>(ConnectionOutbox outbox, string key, string method, Func<T, long> versionOf)
    : OutboxSlot(outbox, key, method)
    where T : class
{
    private T? _pending;

    /// <summary>
    /// Called on the publisher's thread: keeps <paramref name="value"/> if it is newer than what is
    /// pending and what was sent, and wakes the sender loop. Never blocks, never allocates.
    /// </summary>
    public void Offer(T value)
    {
        if (IsRemoved)
        {
            return;
        }

        var version = versionOf(value);
        if (version <= LastVersion)
        {
            return;
        }

        var current = Volatile.Read(ref _pending);
        while (true)
        {
            if (current is not null && versionOf(current) >= version)
            {
                return;
            }

            var seen = Interlocked.CompareExchange(ref _pending, value, current);
            if (ReferenceEquals(seen, current))
            {
                break;
            }

            current = seen;
        }

        if (current is not null)
        {
            Outbox.OnConflated(this);
        }

        Outbox.Schedule(this);
    }

    public override bool TryTake(out object? value, out long version)
    {
        var taken = Interlocked.Exchange(ref _pending, null);

        // A stale value may slip past Offer's check while the loop sends a newer one; drop it here,
        // where the loop is the only reader.
        if (taken is null || versionOf(taken) <= LastVersion)
        {
            value = null;
            version = 0;
            return false;
        }

        value = taken;
        version = versionOf(taken);
        return true;
    }
}
