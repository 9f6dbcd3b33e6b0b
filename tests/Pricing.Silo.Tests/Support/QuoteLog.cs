using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Pricing.Testing;

namespace Pricing.Silo.Tests.Support;

/// <summary>Every <c>quote</c> a hub connection receives, with when it arrived, in arrival order.</summary>
internal sealed class QuoteLog
{
    private readonly ConcurrentQueue<(TimeSpan At, Quote Quote)> _received = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Registers on <paramref name="connection"/>; do it before subscribing.</summary>
    public QuoteLog(HubConnection connection) => connection.OnQuote(quote => _received.Enqueue((_clock.Elapsed, quote)));

    /// <summary>Time since the log was created, on the clock arrivals are stamped with.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Quote> All => [.. _received.Select(r => r.Quote)];

    public IReadOnlyList<Quote> Of(string symbol) => [.. _received.Where(r => r.Quote.Symbol == symbol).Select(r => r.Quote)];

    public int CountOf(string symbol) => _received.Count(r => r.Quote.Symbol == symbol);

    /// <summary>Quotes of <paramref name="symbol"/> that arrived in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int CountOf(string symbol, TimeSpan from, TimeSpan to) =>
        _received.Count(r => r.Quote.Symbol == symbol && r.At >= from && r.At < to);
}
