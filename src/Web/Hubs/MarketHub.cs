using Microsoft.AspNetCore.SignalR;

namespace Pricing.Web.Hubs;

/// <summary>
/// Live market data over SignalR at <c>/hubs/market</c>. Clients call <see cref="Subscribe"/> and get
/// snapshots back, then <c>quote</c> messages carrying each symbol's latest <see cref="Quote"/>
/// (sequence strictly increasing per symbol, conflated to at most one per symbol per
/// <c>Pricing:Hub:QuoteInterval</c>); <see cref="SubscribeSummary"/> adds <c>summary</c> messages.
/// </summary>
internal sealed class MarketHub(MarketSubscriptions subscriptions, MarketHubMetrics metrics) : Hub
{
    /// <summary>
    /// Subscribes to quotes of <paramref name="symbols"/> (case-insensitive) and returns their
    /// current quotes, one per distinct symbol in request order. Updates at or below a snapshot's
    /// sequence are never sent afterwards.
    /// </summary>
    /// <exception cref="HubException">A symbol is invalid or unknown, or a limit is exceeded; nothing is subscribed then.</exception>
    public Task<Quote[]> Subscribe(string[] symbols) =>
        subscriptions.SubscribeAsync(Context.ConnectionId, symbols, Context.ConnectionAborted);

    /// <summary>Stops quotes of <paramref name="symbols"/>; symbols not subscribed are ignored.</summary>
    public Task Unsubscribe(string[] symbols) => subscriptions.UnsubscribeAsync(Context.ConnectionId, symbols);

    /// <summary>Subscribes to <c>summary</c> messages (about once a second) and returns the current summary.</summary>
    public Task<MarketSummary> SubscribeSummary() =>
        subscriptions.SubscribeSummaryAsync(Context.ConnectionId, Context.ConnectionAborted);

    public Task UnsubscribeSummary() => subscriptions.UnsubscribeSummaryAsync(Context.ConnectionId);

    public override Task OnConnectedAsync()
    {
        metrics.Connected();
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        await subscriptions.DisconnectedAsync(Context.ConnectionId);
    }
}
