namespace Pricing.Grains;

/// <summary>
/// Live quote updates. Symbol grains publish after each applied batch; the hub relay and the
/// last-value cache observe. Observers are called synchronously on the publisher's thread and
/// must return at once (hand the value to a queue or a conflating outbox), or they stall grains.
/// </summary>
public interface IMarketUpdates
{
    void Publish(Quote quote);

    IDisposable Subscribe(IQuoteObserver observer);
}

/// <summary>Receives every published quote.</summary>
public interface IQuoteObserver
{
    void OnQuote(Quote quote);
}
