using Microsoft.Extensions.Logging;
using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>
/// The in-process quote bus. This silo's grains publish (<see cref="Publish"/>); in cluster mode
/// quotes of other silos' symbols arrive through <see cref="PublishRemote"/>. Ordinary observers
/// (last-value cache, hub relay) see both; local-only observers (the cluster publisher) see only
/// this silo's. Observers are called synchronously; the lists are copy-on-write, so publishing
/// takes no lock and allocates nothing.
/// </summary>
internal sealed partial class InProcessMarketUpdates(ILogger<InProcessMarketUpdates> logger) : IMarketUpdates
{
    private readonly Lock _gate = new();
    private IQuoteObserver[] _all = [];
    private IQuoteObserver[] _localOnly = [];

    public void Publish(Quote quote)
    {
        Notify(Volatile.Read(ref _all), quote);
        Notify(Volatile.Read(ref _localOnly), quote);
    }

    /// <summary>A quote published by another silo.</summary>
    public void PublishRemote(Quote quote) => Notify(Volatile.Read(ref _all), quote);

    public IDisposable Subscribe(IQuoteObserver observer) => Add(ref _all, observer);

    /// <summary>Observes only quotes of this silo's own grains.</summary>
    public IDisposable SubscribeLocal(IQuoteObserver observer) => Add(ref _localOnly, observer);

    private Subscription Add(ref IQuoteObserver[] list, IQuoteObserver observer)
    {
        lock (_gate)
        {
            list = [.. list, observer];
        }

        return new Subscription(this, observer);
    }

    private void Remove(IQuoteObserver observer)
    {
        lock (_gate)
        {
            _all = [.. _all.Where(o => !ReferenceEquals(o, observer))];
            _localOnly = [.. _localOnly.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private void Notify(IQuoteObserver[] observers, Quote quote)
    {
        foreach (var observer in observers)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Quote observer {Observer} failed on {Symbol}")]
    private partial void LogObserverFailed(Exception exception, string observer, string symbol);

    private sealed class Subscription(InProcessMarketUpdates owner, IQuoteObserver observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(observer);
            }
        }
    }
}
