using Pricing.Web.Hubs;
using Pricing.Web.Tests.Support;

namespace Pricing.Web.Tests.Outbox;

public sealed class ConnectionOutboxTests
{
    private static readonly TimeSpan Interval = OutboxHarness.Interval;
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task FirstUpdateIsHeldForOneIntervalAfterTheSnapshot()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];

        slot.Offer(TestData.Quote("AAA", 11));
        await harness.IdleAsync();
        Assert.Empty(harness.Sender.Sent);

        await harness.AdvanceAsync(Interval - Millisecond);
        Assert.Empty(harness.Sender.Sent);

        await harness.AdvanceAsync(Millisecond);
        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal(MarketHubMethods.Quote, sent.Method);
        Assert.Equal(11, ((Quote)sent.Value).Sequence);
    }

    [Fact]
    public async Task UpdateAfterAQuietIntervalIsSentImmediately()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];
        await harness.AdvanceAsync(Interval * 3);

        slot.Offer(TestData.Quote("AAA", 11));
        await harness.IdleAsync();

        Assert.Equal([11L], harness.Sender.Quotes.Select(q => q.Sequence));
    }

    [Fact]
    public async Task ConflationKeepsOnlyTheLatestPendingQuote()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];

        for (var sequence = 11; sequence <= 20; sequence++)
        {
            slot.Offer(TestData.Quote("AAA", sequence));
        }

        await harness.AdvanceAsync(Interval);
        await harness.AdvanceAsync(Interval * 5);

        Assert.Equal([20L], harness.Sender.Quotes.Select(q => q.Sequence));
        Assert.Equal(9, harness.Counter("pricing.web.hub.quotes.conflated"));
        Assert.Equal(1, harness.Counter("pricing.web.hub.quotes.sent"));
    }

    [Fact]
    public async Task EachSymbolIsSentAtMostOncePerInterval()
    {
        await using var harness = new OutboxHarness();
        var slots = harness.Subscribe(0, "AAA", "BBB");
        await harness.AdvanceAsync(Interval);

        slots[0].Offer(TestData.Quote("AAA", 1));
        await harness.IdleAsync();
        Assert.Single(harness.Sender.Quotes);

        // AAA was just sent: its next update waits out the interval ...
        await harness.AdvanceAsync(Interval / 2);
        slots[0].Offer(TestData.Quote("AAA", 2));
        await harness.IdleAsync();
        Assert.Single(harness.Sender.Quotes);

        // ... while BBB, not sent for long, goes out at once.
        slots[1].Offer(TestData.Quote("BBB", 1));
        await harness.IdleAsync();
        Assert.Equal(["AAA:1", "BBB:1"], harness.Sender.Quotes.Select(q => $"{q.Symbol}:{q.Sequence}"));

        await harness.AdvanceAsync((Interval / 2) - Millisecond);
        Assert.Equal(2, harness.Sender.Quotes.Count);

        await harness.AdvanceAsync(Millisecond);
        Assert.Equal(["AAA:1", "BBB:1", "AAA:2"], harness.Sender.Quotes.Select(q => $"{q.Symbol}:{q.Sequence}"));
    }

    [Fact]
    public async Task LastValueIsAlwaysDeliveredEventually()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(0, "AAA")[0];
        await harness.AdvanceAsync(Interval);

        // A burst inside one interval, the last one just before it ends.
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            slot.Offer(TestData.Quote("AAA", sequence));
            await harness.AdvanceAsync(Interval / 5 - Millisecond);
        }

        for (var i = 0; i < 5; i++)
        {
            await harness.AdvanceAsync(Interval);
        }

        var sequences = harness.Sender.Quotes.Select(q => q.Sequence).ToList();
        Assert.Equal(5, sequences[^1]);
        Assert.True(sequences.Count <= 2, $"A 100 ms burst is sent at most twice (first at once, then the last); sent {string.Join(",", sequences)}.");
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task SequencesAtOrBelowTheSnapshotAreNeverSent()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];

        slot.Offer(TestData.Quote("AAA", 9));
        slot.Offer(TestData.Quote("AAA", 10));
        await harness.AdvanceAsync(Interval * 2);

        Assert.Empty(harness.Sender.Sent);
    }

    [Fact]
    public async Task OlderOrEqualSequencesThanThePendingOrSentOneAreIgnored()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];

        slot.Offer(TestData.Quote("AAA", 12));
        slot.Offer(TestData.Quote("AAA", 11));
        slot.Offer(TestData.Quote("AAA", 12, price: 1m));
        await harness.AdvanceAsync(Interval);
        slot.Offer(TestData.Quote("AAA", 12));
        slot.Offer(TestData.Quote("AAA", 11));
        await harness.AdvanceAsync(Interval * 2);

        var quote = Assert.Single(harness.Sender.Quotes);
        Assert.Equal((12L, 100m), (quote.Sequence, quote.Price));
        Assert.Equal(0, harness.Counter("pricing.web.hub.quotes.conflated"));
    }

    [Fact]
    public async Task ResubscribingRaisesTheBaselineAndHoldsAgain()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];
        await harness.AdvanceAsync(Interval);
        var again = harness.Subscribe(20, "AAA")[0];
        Assert.Same(slot, again);

        slot.Offer(TestData.Quote("AAA", 15));
        slot.Offer(TestData.Quote("AAA", 20));
        await harness.IdleAsync();
        slot.Offer(TestData.Quote("AAA", 21));
        await harness.IdleAsync();
        Assert.Empty(harness.Sender.Sent);

        await harness.AdvanceAsync(Interval);
        Assert.Equal([21L], harness.Sender.Quotes.Select(q => q.Sequence));
    }

    [Fact]
    public async Task NothingIsSentBeforeTheSnapshotArmsTheSlotAndNothingIsLost()
    {
        await using var harness = new OutboxHarness();
        Assert.True(harness.Outbox.TryAddSymbols(["AAA"], 10, out var slots, out _));

        // Updates arriving while the snapshot is read wait for it ...
        slots[0].Offer(TestData.Quote("AAA", 11));
        slots[0].Offer(TestData.Quote("AAA", 12));
        await harness.AdvanceAsync(Interval * 3);
        Assert.Empty(harness.Sender.Sent);

        // ... and the one newer than the snapshot is sent an interval after it.
        slots[0].Arm(11, harness.Outbox.HoldUntil());
        await harness.AdvanceAsync(Interval * 2);
        Assert.Equal([12L], harness.Sender.Quotes.Select(q => q.Sequence));
    }

    [Fact]
    public async Task PendingQuoteOfAnUnsubscribedSymbolIsDropped()
    {
        await using var harness = new OutboxHarness();
        var slot = harness.Subscribe(10, "AAA")[0];

        slot.Offer(TestData.Quote("AAA", 11));
        Assert.Single(harness.Outbox.RemoveSymbols(["AAA"]));
        slot.Offer(TestData.Quote("AAA", 12));
        await harness.AdvanceAsync(Interval * 2);

        Assert.Empty(harness.Sender.Sent);
        Assert.Equal(0, harness.Outbox.SymbolCount);
    }

    [Fact]
    public async Task SymbolLimitRejectsTheWholeCallAndKeepsExistingSlots()
    {
        await using var harness = new OutboxHarness();
        Assert.True(harness.Outbox.TryAddSymbols(["AAA", "BBB"], 3, out _, out var added));
        Assert.Equal(2, added.Count);

        Assert.False(harness.Outbox.TryAddSymbols(["BBB", "CCC", "DDD"], 3, out _, out _));
        Assert.True(harness.Outbox.TryAddSymbols(["AAA", "BBB", "CCC"], 3, out _, out added));

        Assert.Equal(["CCC"], added.Select(s => s.Key));
        Assert.Equal(3, harness.Outbox.SymbolCount);
    }

    [Fact]
    public async Task SummaryIsSentAsSummaryMessageAndConflated()
    {
        await using var harness = new OutboxHarness();
        var (slot, added) = harness.Outbox.GetOrAddSummary();
        Assert.True(added);
        slot.Arm(TestData.Epoch.UtcTicks, harness.Outbox.HoldUntil());

        slot.Offer(TestData.Summary(TestData.Epoch, 1));
        slot.Offer(TestData.Summary(TestData.Epoch.AddSeconds(1), 2));
        slot.Offer(TestData.Summary(TestData.Epoch.AddSeconds(2), 3));
        await harness.AdvanceAsync(Interval);

        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal(MarketHubMethods.Summary, sent.Method);
        Assert.Equal(3, ((MarketSummary)sent.Value).Symbols);
    }
}
