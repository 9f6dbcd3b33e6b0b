using System.Collections.Concurrent;
using Pricing.Web.Hubs;

namespace Pricing.Web.Tests.Support;

/// <summary>
/// Wraps the real sender and remembers when each connection's current send started, so a test
/// can see a client's socket back up (its send stays pending) instead of guessing.
/// </summary>
internal sealed class ObservingSender(IClientSender inner) : IClientSender
{
    private readonly ConcurrentDictionary<string, DateTime> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Connections whose current send has been pending longer than <paramref name="threshold"/>.</summary>
    public IReadOnlyList<string> Stalled(TimeSpan threshold)
    {
        var now = DateTime.UtcNow;
        return [.. _inFlight.Where(pair => now - pair.Value > threshold).Select(pair => pair.Key)];
    }

    public async Task SendAsync(string connectionId, string method, object value, CancellationToken cancellationToken)
    {
        // One loop per connection, so at most one send per connection is in flight.
        _inFlight[connectionId] = DateTime.UtcNow;
        try
        {
            await inner.SendAsync(connectionId, method, value, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(connectionId, out _);
        }
    }
}
