using Microsoft.AspNetCore.SignalR.Client;
using Pricing.Grains;

namespace Pricing.Testing;

/// <summary>The market hub's methods and messages, typed.</summary>
public static class MarketHubConnectionExtensions
{
    /// <summary>Subscribes to quotes of <paramref name="symbols"/>; returns their snapshots in request order.</summary>
    public static Task<Quote[]> SubscribeAsync(this HubConnection connection, IEnumerable<string> symbols, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<Quote[]>("Subscribe", symbols.ToArray(), cancellationToken);

    public static Task UnsubscribeAsync(this HubConnection connection, IEnumerable<string> symbols, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync("Unsubscribe", symbols.ToArray(), cancellationToken);

    /// <summary>Subscribes to <c>summary</c> messages; returns the current summary.</summary>
    public static Task<MarketSummary> SubscribeSummaryAsync(this HubConnection connection, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<MarketSummary>("SubscribeSummary", cancellationToken);

    public static Task UnsubscribeSummaryAsync(this HubConnection connection, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync("UnsubscribeSummary", cancellationToken);

    /// <summary>Registers a handler for <c>quote</c> messages.</summary>
    public static IDisposable OnQuote(this HubConnection connection, Action<Quote> handler) => connection.On("quote", handler);

    /// <summary>Registers an asynchronous handler for <c>quote</c> messages (the connection waits for it before reading on).</summary>
    public static IDisposable OnQuote(this HubConnection connection, Func<Quote, Task> handler) => connection.On("quote", handler);

    /// <summary>Registers a handler for <c>summary</c> messages.</summary>
    public static IDisposable OnSummary(this HubConnection connection, Action<MarketSummary> handler) => connection.On("summary", handler);
}
