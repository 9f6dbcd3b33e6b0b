using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Pricing.Testing;
using Pricing.Web.Hubs;
using Pricing.Web.Tests.Support;
using Xunit.Abstractions;

namespace Pricing.Web.Tests.Hub;

public sealed class SlowClientTests(ITestOutputHelper output)
{
    private const int SymbolCount = 200;
    private static readonly TimeSpan StallThreshold = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task SlowClientGetsConflatedLatestValuesAndNeverDelaysAFastClient()
    {
        var symbols = Enumerable.Range(0, SymbolCount).Select(i => $"S{i:000}").ToArray();
        var market = new InMemoryMarket();
        foreach (var symbol in symbols)
        {
            market.Add(TestData.Quote(symbol, 1));
        }

        ObservingSender? observer = null;
        await using var server = await WebTestServer.StartAsync(
            builder =>
            {
                // Small socket and response buffers, so a client that stops reading backs up within
                // a few hundred messages rather than megabytes.
                builder.WebHost.UseSockets(options => options.CreateBoundListenSocket = endpoint =>
                {
                    var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    socket.SendBufferSize = 8 * 1024;
                    return socket;
                });
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxResponseBufferSize = 16 * 1024);
                builder.Services.AddSingleton(sp => observer = new ObservingSender(new HubClientSender(sp.GetRequiredService<IHubContext<MarketHub>>())));
                builder.Services.AddSingleton<IClientSender>(sp => sp.GetRequiredService<ObservingSender>());
            },
            market,
            new Dictionary<string, string?> { ["Pricing:Hub:QuoteInterval"] = "00:00:00.020" });

        await using var fast = MarketHubClient.Build(server.BaseAddress);
        var fastQuotes = new QuoteRecorder(fast);
        await fast.StartAsync();
        await fast.SubscribeAsync(symbols);

        await using var slow = await RawHubClient.ConnectAsync(server.BaseAddress, receiveBufferSize: 4096);
        var subscribeId = await slow.InvokeAsync("Subscribe", new object[] { symbols });

        // Publish round after round until the slow client's socket has backed up: its outbox
        // loop then sits in a send that does not complete.
        var sequence = 1L;
        var published = 0L;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (observer!.Stalled(StallThreshold).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the slow client's socket backs up within 30 s");
            sequence++;
            foreach (var symbol in symbols)
            {
                market.Publish(TestData.Quote(symbol, sequence));
            }

            published += SymbolCount;
            await Task.Delay(2);
        }

        output.WriteLine($"Slow client stalled after {sequence - 1} rounds ({published} quotes published).");

        // While it is stuck, a final round reaches the fast client promptly and completely.
        var final = ++sequence;
        foreach (var symbol in symbols)
        {
            market.Publish(TestData.Quote(symbol, final));
        }

        published += SymbolCount;
        await Eventually.TrueAsync(
            () => symbols.All(s => fastQuotes.LatestOf(s) == final),
            "the fast client has every symbol's final value",
            TimeSpan.FromSeconds(5));
        Assert.Empty(fastQuotes.Violations);
        Assert.NotEmpty(observer.Stalled(StallThreshold));

        // Now the slow client reads: the snapshot first, then per symbol increasing sequences
        // ending with the final value, far fewer messages than were published.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var completion = await slow.ReceiveAsync(timeout.Token);
        Assert.Equal(3, completion.GetProperty("type").GetInt32());
        Assert.Equal(subscribeId, completion.GetProperty("invocationId").GetString());

        var latest = new Dictionary<string, long>();
        var received = 0;
        while (latest.Count < SymbolCount || latest.Values.Any(v => v != final))
        {
            var message = await slow.ReceiveAsync(timeout.Token);
            Assert.Equal("quote", message.GetProperty("target").GetString());
            var quote = message.GetProperty("arguments")[0];
            var symbol = quote.GetProperty("symbol").GetString()!;
            var quoteSequence = quote.GetProperty("sequence").GetInt64();
            Assert.True(quoteSequence > latest.GetValueOrDefault(symbol, 1), $"{symbol}: {quoteSequence} after {latest.GetValueOrDefault(symbol, 1)}");
            latest[symbol] = quoteSequence;
            received++;
        }

        output.WriteLine($"Slow client received {received} quotes of {published} published; fast client {fastQuotes.Received.Count}.");
        Assert.True(received < published / 2, $"the slow client got {received} quotes of {published} published");
    }
}
