using Microsoft.Extensions.Logging;
using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>
/// The in-process quote bus: grains publish, observers (last-value cache, hub relay, cluster
/// publisher) are called synchronously. The observer list is copy-on-write, so publishing takes
/// no lock and allocates nothing.
/// </summary>
internal sealed partial class InProcessMarketUpdates(ILogger<InProcessMarketUpdates> logger) : IMarketUpdates
{
    private readonly Lock _gate = new();
    private IQuoteObserver[] _observers = [];

    public void Publish(Quote quote)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer.OnQuote(quote);
            }
            catch (Exception ex)
            {
                // One failing observer must not stop the others, nor the grain that published.
                LogObserverFailed(ex, observer.GetType().Name, quote.Symbol);
            }
        }
    }

    public IDisposable Subscribe(IQuoteObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    private void Unsubscribe(IQuoteObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Quote observer {Observer} failed on {Symbol}")]
    private partial void LogObserverFailed(Exception exception, string observer, string symbol);

    private sealed class Subscription(InProcessMarketUpdates owner, IQuoteObserver observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(observer);
            }
        }
    }
}
