using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricing.Web.Hosting;

namespace Pricing.Web.Hubs;

/// <summary>The outboxes of connected clients, by connection id, and the routing of published values to them.</summary>
internal sealed class OutboxRegistry(
    IClientSender sender,
    TimeProvider time,
    IOptions<MarketHubOptions> options,
    MarketHubMetrics metrics,
    ILogger<ConnectionOutbox> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConnectionOutbox> _outboxes = new(StringComparer.Ordinal);

    public SubscriptionIndex Index { get; } = new();

    public int Count => _outboxes.Count;

    /// <summary>The connection's outbox; created (and its sender loop started) on first subscribe.</summary>
    public ConnectionOutbox GetOrCreate(string connectionId)
    {
        if (_outboxes.TryGetValue(connectionId, out var existing))
        {
            return existing;
        }

        var created = new ConnectionOutbox(connectionId, sender, time, options.Value.QuoteInterval, metrics, logger);
        var winner = _outboxes.GetOrAdd(connectionId, created);
        if (!ReferenceEquals(winner, created))
        {
            // Lost a race for the same connection (invocations may run in parallel if configured so).
            _ = created.DisposeAsync().AsTask();
        }

        return winner;
    }

    public bool TryGet(string connectionId, [NotNullWhen(true)] out ConnectionOutbox? outbox) =>
        _outboxes.TryGetValue(connectionId, out outbox);

    /// <summary>Called on the publisher's thread for every quote.</summary>
    public void Route(Quote quote)
    {
        foreach (var slot in Index.SubscribersOf(quote.Symbol))
        {
            slot.Offer(quote);
        }
    }

    public void Route(MarketSummary summary)
    {
        foreach (var slot in Index.SummarySubscribers)
        {
            slot.Offer(summary);
        }
    }

    /// <summary>Drops every subscription of a connection that has gone, and stops its loop.</summary>
    public async ValueTask RemoveAsync(string connectionId)
    {
        if (!_outboxes.TryRemove(connectionId, out var outbox))
        {
            return;
        }

        var (quotes, summary) = outbox.RemoveAll();
        Index.Remove(quotes);
        if (summary is not null)
        {
            Index.RemoveSummary(summary);
        }

        await outbox.DisposeAsync();
    }

    /// <summary>Stops every loop when the host shuts down.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var connectionId in _outboxes.Keys)
        {
            await RemoveAsync(connectionId);
        }
    }
}
