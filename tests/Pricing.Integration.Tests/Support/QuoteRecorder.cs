using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Pricing.Grains;
using Pricing.Testing;

namespace Pricing.Integration.Tests.Support;

/// <summary>A SignalR client of one silo, subscribed to symbols, remembering per symbol what it received.</summary>
internal sealed class QuoteRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Received> _received = new(StringComparer.Ordinal);
    private readonly HubConnection _connection;
    private volatile Exception? _closedWith;
    private volatile bool _closed;

    private QuoteRecorder(HubConnection connection) => _connection = connection;

    /// <summary>True if the connection closed on its own (the silo dropped it).</summary>
    public bool Closed => _closed;

    public Exception? ClosedWith => _closedWith;

    public static async Task<QuoteRecorder> SubscribeAsync(SiloProcess silo, IReadOnlyList<string> symbols)
    {
        var connection = MarketHubClient.Build(silo.BaseAddress);
        var recorder = new QuoteRecorder(connection);
        connection.OnQuote(recorder.OnQuote);
        connection.Closed += error =>
        {
            recorder._closedWith = error;
            recorder._closed = true;
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        foreach (var snapshot in await connection.SubscribeAsync(symbols))
        {
            recorder._received.AddOrUpdate(
                snapshot.Symbol,
                _ => new Received(snapshot.Sequence),
                (_, current) => current.WithSnapshot(snapshot.Sequence));
        }

        return recorder;
    }

    /// <summary>What arrived for <paramref name="symbol"/>; null if it was never subscribed.</summary>
    public Received? For(string symbol) => _received.GetValueOrDefault(symbol);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnQuote(Quote quote) =>
        _received.AddOrUpdate(
            quote.Symbol,
            _ => new Received(0) { Updates = 1, Last = quote.Sequence, Max = quote.Sequence },
            (_, current) => current.With(quote.Sequence));

    /// <summary>Per symbol: the snapshot's sequence, how many updates came, the last one's sequence, the highest, and how many went backwards.</summary>
    internal sealed record Received(long Snapshot)
    {
        public long Updates { get; init; }

        public long Last { get; init; } = Snapshot;

        public long Max { get; init; } = Snapshot;

        public long Backwards { get; init; }

        public Received With(long sequence) => this with
        {
            Updates = Updates + 1,
            Last = sequence,
            Max = Math.Max(Max, sequence),
            Backwards = Backwards + (sequence <= Last ? 1 : 0),
        };

        public Received WithSnapshot(long sequence) => this with { Last = Math.Max(Last, sequence), Max = Math.Max(Max, sequence) };
    }
}
