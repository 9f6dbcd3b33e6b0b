using Microsoft.Extensions.Hosting;
using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>Connects the last-value cache to the quote bus for the life of the host.</summary>
internal sealed class ReadModelSubscriptions(IMarketUpdates updates, LastValueCache cache) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = updates.Subscribe(cache);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
