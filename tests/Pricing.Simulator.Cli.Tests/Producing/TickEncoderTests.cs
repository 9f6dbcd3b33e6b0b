using System.Threading.Channels;
using Pricing.Simulator.Cli.Expected;
using Pricing.Simulator.Cli.Kafka;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Producing;

public sealed class TickEncoderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MalformedMessagesSitAtThePlannedPositions()
    {
        var plan = new BadMessagePlan(seed: 3, goodTicks: 3000, badMessages: 5);
        var positions = plan.Positions.ToList();
        var expected = new ExpectedResultsBuilder();
        using var encoder = Encoder(plan, expected);
        var channel = Channel.CreateUnbounded<EncodedBatch>();

        await encoder.RunAsync(channel.Writer, 3000, CancellationToken.None);

        var handlers = new List<bool>();
        await foreach (var batch in channel.Reader.ReadAllAsync())
            handlers.AddRange(Enumerable.Range(0, batch.Count).Select(i => batch.Handler(i) is not null));
        Assert.Equal(3005, handlers.Count);
        Assert.Equal(positions, handlers.Select((bad, i) => (bad, (long)i)).Where(x => x.bad).Select(x => x.Item2));
        Assert.Equal(3000, expected.TotalTicks);
    }

    [Fact]
    public async Task InterruptedWhileWaitingForRoomCountsOnlyBatchesHandedOver()
    {
        var expected = new ExpectedResultsBuilder();
        using var encoder = Encoder(new BadMessagePlan(1, 0, 0), expected);
        // Room for one batch and nobody reading: the second batch waits until the interruption.
        var channel = Channel.CreateBounded<EncodedBatch>(1);
        using var interrupt = new CancellationTokenSource();

        var run = encoder.RunAsync(channel.Writer, 0, interrupt.Token);
        await WaitUntil(() => encoder.Ticks >= 2 * TickEncoder.BatchSize);
        await interrupt.CancelAsync();
        await run;

        Assert.True(channel.Reader.TryRead(out var handedOver));
        Assert.False(channel.Reader.TryRead(out _));
        Assert.True(channel.Reader.Completion.IsCompletedSuccessfully);
        Assert.Equal(handedOver.Count, expected.TotalTicks);
    }

    private static TickEncoder Encoder(BadMessagePlan plan, ExpectedResultsBuilder expected)
    {
        var symbols = SymbolSelection.First(10);
        var options = new SimulatorOptions { Seed = 1 };
        foreach (var symbol in symbols)
            options.Symbols.Add(symbol);
        var source = new EvenTickSource(new MarketSimulator(options), Start, 1000);
        return new TickEncoder(source, symbols, Start, plan, new DeliveryTracker(), expected);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(10);
        }
    }
}
