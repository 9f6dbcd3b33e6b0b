using System.Diagnostics.Metrics;

namespace Pricing.Web.Hubs;

/// <summary>The hub's instruments (meter "Pricing.Web"): connections, quotes sent, quotes conflated.</summary>
internal sealed class MarketHubMetrics
{
    public const string MeterName = "Pricing.Web";

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _quotesSent;
    private readonly Counter<long> _quotesConflated;
    private readonly Counter<long> _summariesSent;

    public MarketHubMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("pricing.web.hub.connections", "{connection}", "Connections to the market hub.");
        _quotesSent = meter.CreateCounter<long>("pricing.web.hub.quotes.sent", "{quote}", "Quotes sent to clients.");
        _quotesConflated = meter.CreateCounter<long>("pricing.web.hub.quotes.conflated", "{quote}", "Quotes replaced by a newer one before they were sent.");
        _summariesSent = meter.CreateCounter<long>("pricing.web.hub.summaries.sent", "{summary}", "Market summaries sent to clients.");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void QuoteSent() => _quotesSent.Add(1);

    public void QuoteConflated() => _quotesConflated.Add(1);

    public void SummarySent() => _summariesSent.Add(1);
}
