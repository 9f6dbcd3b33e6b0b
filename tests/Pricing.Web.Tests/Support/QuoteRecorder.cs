using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Pricing.Testing;

namespace Pricing.Web.Tests.Support;

/// <summary>Records a connection's <c>quote</c> messages and checks each symbol's sequence only grows.</summary>
internal sealed class QuoteRecorder
{
    private readonly ConcurrentQueue<Quote> _received = new();
    private readonly ConcurrentDictionary<string, long> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();

    public QuoteRecorder(HubConnection connection) => connection.OnQuote(Record);

    public IReadOnlyList<Quote> Received => [.. _received];

    public IReadOnlyList<string> Violations => [.. _violations];

    public long LatestOf(string symbol) => _latest.GetValueOrDefault(symbol, -1);

    public IReadOnlyList<Quote> Of(string symbol) => [.. _received.Where(q => q.Symbol == symbol)];

    public Task WaitForAsync(string symbol, long sequence, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => LatestOf(symbol) >= sequence, $"{symbol} reaches sequence {sequence} (at {LatestOf(symbol)})", timeout);

    private void Record(Quote quote)
    {
        var previous = _latest.GetValueOrDefault(quote.Symbol, long.MinValue);
        if (quote.Sequence <= previous)
        {
            _violations.Enqueue($"{quote.Symbol}: {quote.Sequence} after {previous}");
        }

        _latest[quote.Symbol] = Math.Max(previous, quote.Sequence);
        _received.Enqueue(quote);
    }
}
