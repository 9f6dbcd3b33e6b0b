using Microsoft.Extensions.Hosting;

namespace Pricing.Web.Hubs;

/// <summary>Hands each new market summary to the outboxes of summary subscribers (conflated like quotes).</summary>
internal sealed class SummaryRelay(IMarketSummaryFeed feed, OutboxRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Updated += OnUpdated;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Updated -= OnUpdated;
        return Task.CompletedTask;
    }

    private void OnUpdated(MarketSummary summary) => registry.Route(summary);
}
