using Microsoft.Extensions.Hosting;

namespace Pricing.Web.Hubs;

/// <summary>
/// The hub's one subscription to <see cref="IMarketUpdates"/>: hands each quote to the outbox
/// slots of the connections subscribed to its symbol, on the publisher's thread, without waiting.
/// </summary>
internal sealed class QuoteRelay(IMarketUpdates updates, OutboxRegistry registry) : IHostedService, IQuoteObserver
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = updates.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _subscription = null;
        return Task.CompletedTask;
    }

    public void OnQuote(Quote quote) => registry.Route(quote);
}
