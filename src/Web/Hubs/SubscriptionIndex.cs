using System.Collections.Concurrent;

namespace Pricing.Web.Hubs;

/// <summary>
/// Who listens to what: symbol to the outbox slots subscribed to it, and the summary slots.
/// Arrays are copied on write (subscribe, unsubscribe, disconnect are rare) so that the publish
/// path reads without locks and costs O(subscribers of the symbol).
/// </summary>
internal sealed class SubscriptionIndex
{
    private readonly ConcurrentDictionary<string, OutboxSlot<Quote>[]> _bySymbol = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private OutboxSlot<MarketSummary>[] _summary = [];

    public int SymbolCount => _bySymbol.Count;

    public OutboxSlot<Quote>[] SubscribersOf(string symbol) => _bySymbol.TryGetValue(symbol, out var slots) ? slots : [];

    public OutboxSlot<MarketSummary>[] SummarySubscribers => Volatile.Read(ref _summary);

    public void Add(IEnumerable<OutboxSlot<Quote>> slots)
    {
        lock (_gate)
        {
            foreach (var slot in slots)
            {
                var current = SubscribersOf(slot.Key);
                if (Array.IndexOf(current, slot) < 0)
                {
                    _bySymbol[slot.Key] = [.. current, slot];
                }
            }
        }
    }

    public void Remove(IEnumerable<OutboxSlot<Quote>> slots)
    {
        lock (_gate)
        {
            foreach (var slot in slots)
            {
                var current = SubscribersOf(slot.Key);
                if (Array.IndexOf(current, slot) < 0)
                {
                    continue;
                }

                if (current.Length == 1)
                {
                    _bySymbol.TryRemove(slot.Key, out _);
                }
                else
                {
                    _bySymbol[slot.Key] = Array.FindAll(current, other => !ReferenceEquals(other, slot));
                }
            }
        }
    }

    public void AddSummary(OutboxSlot<MarketSummary> slot)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_summary, slot) < 0)
            {
                Volatile.Write(ref _summary, [.. _summary, slot]);
            }
        }
    }

    public void RemoveSummary(OutboxSlot<MarketSummary> slot)
    {
        lock (_gate)
        {
            Volatile.Write(ref _summary, Array.FindAll(_summary, other => !ReferenceEquals(other, slot)));
        }
    }
}
