using System.Diagnostics;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Outbox;

public sealed class OutboxBackpressureTests
{
    private static readonly TimeSpan Interval = OutboxHarness.Interval;

    [Fact]
    public async Task SlowSenderDoesNotBlockPublishers()
    {
        await using var harness = new OutboxHarness();
        var symbols = Enumerable.Range(0, 100).Select(i => $"S{i:000}").ToArray();
        var slots = harness.Subscribe(0, symbols);
        await harness.AdvanceAsync(Interval);

        harness.Sender.Block();
        slots[0].Offer(TestData.Quote("S000", 1));
        await Eventually.TrueAsync(() => harness.Sender.PendingSends == 1, "the first send is stuck in the client");

        // Publishers keep going at full speed while the client is stuck.
        var watch = Stopwatch.StartNew();
        for (var sequence = 2; sequence <= 1000; sequence++)
        {
            foreach (var slot in slots)
            {
                slot.Offer(TestData.Quote(slot.Key, sequence));
            }
        }

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100k offers took {watch.Elapsed} behind a stuck client.");
        Assert.Equal(1, harness.Sender.PendingSends);
        Assert.Empty(harness.Sender.Sent);

        // Once the client drains, it gets each symbol's latest value, not the backlog.
        harness.Sender.Unblock();
        for (var i = 0; i < 5; i++)
        {
            await harness.AdvanceAsync(Interval);
        }

        var latest = harness.Sender.Quotes.GroupBy(q => q.Symbol).ToDictionary(g => g.Key, g => g.Max(q => q.Sequence));
        Assert.Equal(symbols, latest.Keys.Order());
        Assert.All(latest.Values, sequence => Assert.Equal(1000, sequence));
        Assert.True(harness.Sender.Quotes.Count <= 2 * symbols.Length, $"sent {harness.Sender.Quotes.Count} quotes for 100 symbols");
    }

    [Fact]
    public async Task MemoryIsBoundedByTheNumberOfSubscribedSymbols()
    {
        await using var harness = new OutboxHarness();
        var symbols = Enumerable.Range(0, 100).Select(i => $"S{i:000}").ToArray();
        var slots = harness.Subscribe(0, symbols);
        await harness.AdvanceAsync(Interval);
        harness.Sender.Block();
        slots[0].Offer(TestData.Quote("S000", 1));
        await Eventually.TrueAsync(() => harness.Sender.PendingSends == 1, "the first send is stuck in the client");

        var quotes = Enumerable.Range(2, 200).SelectMany(sequence => symbols.Select(symbol => TestData.Quote(symbol, sequence))).ToArray();
        var slotOf = slots.ToDictionary(s => s.Key);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var quote in quotes)
        {
            slotOf[quote.Symbol].Offer(quote);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 20,000 updates: no allocation per update (a queue entry would be at least 24 bytes each),
        // only the ready queue's segments for at most one entry per symbol.
        Assert.True(allocated < 16 * 1024, $"publishing 20,000 quotes allocated {allocated} bytes");
        Assert.True(harness.Outbox.ReadyCount <= symbols.Length, $"{harness.Outbox.ReadyCount} entries queued for {symbols.Length} symbols");
    }
}
