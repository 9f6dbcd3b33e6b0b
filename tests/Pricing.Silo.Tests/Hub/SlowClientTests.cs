using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Pricing.Silo.Tests.Support;
using Pricing.Testing;
using Xunit.Abstractions;

namespace Pricing.Silo.Tests.Hub;

/// <summary>
/// A client that stops reading must cost the silo nothing but its own outbox: it later gets the
/// latest values (not a backlog), while other clients and the grains carry on at full pace.
/// </summary>
public sealed class SlowClientTests(ITestOutputHelper output)
{
    // Ten times the default rate of quotes per symbol and connection, so that a client that stops
    // reading fills the transport buffers (SignalR's, Kestrel's, the sockets') in about a second.
    private static readonly TimeSpan QuoteInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StallHeld = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task SlowClientGetsLatestValuesWhileAFastClientAndTheGrainsKeepFullPace()
    {
        await using var factory = new SiloFactory(
            new Dictionary<string, string?> { ["Pricing:Hub:QuoteInterval"] = QuoteInterval.ToString() },
            SmallServerBuffers);
        await factory.StartAsync();
        using var http = factory.CreateClient();
        await Eventually.ValueAsync(() => http.GetOkAsync<SymbolSummary[]>("api/v1/symbols"), s => s.Length == SiloSettings.Symbols.Count, "every symbol has traded");
        using var sent = new SiloCounter(factory.Services, "Pricing.Web", "pricing.web.hub.quotes.sent");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using var fast = MarketHubClient.Build(factory.BaseAddress);
        var fastQuotes = new QuoteLog(fast);
        await fast.StartAsync();
        await fast.SubscribeAsync(SiloSettings.Symbols);

        await using var slow = await WireHubClient.ConnectAsync(factory.BaseAddress, receiveBufferSize: 4 * 1024, timeout.Token);
        var subscribeId = await slow.InvokeAsync("Subscribe", [SiloSettings.Symbols.ToArray()], timeout.Token);

        // The counter counts both clients' quotes; what the fast one has not received went to the
        // slow one (give or take a few in flight). Once that stops growing, the slow client's
        // socket is full and its outbox waits on it.
        long SentToSlow() => sent.Total - fastQuotes.All.Count;
        var stalledAt = await WaitUntilStalledAsync(SentToSlow, fastQuotes);
        var sentBeforeStall = SentToSlow();
        output.WriteLine($"slow client stalled after {sentBeforeStall} quotes, {stalledAt.TotalMilliseconds:0} ms after the fast client's log started");

        // Hold the stall, and watch the fast client and the ingest meanwhile.
        var holdFrom = fastQuotes.Now;
        await Task.Delay(StallHeld);
        var holdTo = fastQuotes.Now;
        var summary = await http.GetOkAsync<MarketSummary>("api/v1/market-summary");
        var fresh = new Dictionary<string, long>();
        foreach (var symbol in SiloSettings.Symbols)
        {
            fresh[symbol] = (await http.GetOkAsync<Quote>($"api/v1/quotes/{symbol}")).Sequence;
        }

        var heldFor = holdTo - holdFrom;
        var sentDuringHold = SentToSlow() - sentBeforeStall;
        foreach (var symbol in SiloSettings.Symbols)
        {
            var count = fastQuotes.CountOf(symbol, holdFrom, holdTo);
            output.WriteLine($"fast client, {symbol}: {count} quotes in {heldFor.TotalMilliseconds:0} ms of stall");
            Assert.True(count >= heldFor / TimeSpan.FromMilliseconds(100), $"the fast client keeps getting {symbol} at least every 100 ms: {count} in {heldFor.TotalMilliseconds:0} ms");
        }

        output.WriteLine($"ingest during the stall: {summary.TicksPerSecond} ticks/s; quotes sent to the slow client meanwhile: {sentDuringHold}");
        Assert.InRange(summary.TicksPerSecond, SiloSettings.TicksPerSecond * 0.8, SiloSettings.TicksPerSecond * 1.2);
        Assert.InRange(sentDuringHold, -20, 20);

        // The slow client reads again: the snapshot first, then per symbol increasing sequences,
        // and the values current at this moment after no more than what the buffers held when it
        // stalled, plus a fresh value per symbol; not the stall's worth of updates.
        var completion = await slow.ReceiveAsync(timeout.Token);
        Assert.Equal(3, completion.GetProperty("type").GetInt32());
        Assert.Equal(subscribeId, completion.GetProperty("invocationId").GetString());
        var latest = completion.GetProperty("result").EnumerateArray().ToDictionary(Symbol, Sequence);
        var read = 0;
        while (SiloSettings.Symbols.Any(s => latest[s] < fresh[s]))
        {
            var message = await slow.ReceiveAsync(timeout.Token);
            Assert.Equal("quote", message.GetProperty("target").GetString());
            var quote = message.GetProperty("arguments")[0];
            Assert.True(Sequence(quote) > latest[Symbol(quote)], $"{Symbol(quote)}: {Sequence(quote)} after {latest[Symbol(quote)]}");
            latest[Symbol(quote)] = Sequence(quote);
            read++;
        }

        var fastDuringSlowLife = fastQuotes.All.Count;
        output.WriteLine($"slow client caught up after {read} quotes ({slow.BytesReceived} bytes); the fast client got {fastDuringSlowLife} meanwhile");
        Assert.True(
            read <= sentBeforeStall + (3 * SiloSettings.Symbols.Count) + 20,
            $"the slow client caught up within what was buffered ({sentBeforeStall}) plus fresh values; it read {read}");
        Assert.True(read < fastDuringSlowLife, $"the slow client read {read} quotes, fewer than the {fastDuringSlowLife} the fast client got");
    }

    // Small socket and response buffers on the silo's side, so backpressure sets in early.
    private static void SmallServerBuffers(IWebHostBuilder builder)
    {
        builder.UseSockets(options => options.CreateBoundListenSocket = endpoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            socket.SendBufferSize = 4 * 1024;
            return socket;
        });
        builder.ConfigureKestrel(options => options.Limits.MaxResponseBufferSize = 8 * 1024);
    }

    private static async Task<TimeSpan> WaitUntilStalledAsync(Func<long> sentToSlow, QuoteLog clock)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var samples = new Queue<(TimeSpan At, long Sent)>();
        await Eventually.TrueAsync(
            () =>
            {
                var now = (At: clock.Now, Sent: sentToSlow());
                samples.Enqueue(now);
                while (samples.Peek().At < now.At - window)
                {
                    samples.Dequeue();
                }

                // A reading client would have been sent about 150 quotes in the window.
                return now.At - samples.Peek().At >= window * 0.9 && now.Sent - samples.Peek().Sent <= 10 && now.Sent > 0;
            },
            () => $"the slow client stops being sent quotes ({sentToSlow()} so far)",
            TimeSpan.FromSeconds(15));
        return clock.Now;
    }

    private static string Symbol(JsonElement quote) => quote.GetProperty("symbol").GetString()!;

    private static long Sequence(JsonElement quote) => quote.GetProperty("sequence").GetInt64();
}
