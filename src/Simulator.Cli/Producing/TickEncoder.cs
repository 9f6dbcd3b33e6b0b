using System.Threading.Channels;
using Confluent.Kafka;
using Pricing.Grains;
using Pricing.Simulator.Cli.Expected;
using Pricing.Simulator.Cli.Kafka;
using Pricing.Simulator.Cli.Messages;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// First stage of a run: takes ticks from the source, mixes in the planned malformed messages,
/// encodes keys and values, passes batches on, and feeds the expected results with each batch
/// handed over. It runs on its
/// own task so that simulating and encoding overlap with librdkafka's produce calls.
/// </summary>
internal sealed class TickEncoder(
    ITickSource source,
    IReadOnlyList<string> symbols,
    DateTimeOffset start,
    BadMessagePlan plan,
    DeliveryTracker tracker,
    ExpectedResultsBuilder? expected) : IDisposable
{
    /// <summary>Messages per batch: large enough to amortise the hand-over, small enough to keep latency low when paced.</summary>
    public const int BatchSize = 1024;

    private readonly TickMessageWriter _writer = new();
    private readonly SymbolKeys _keys = new();
    private readonly BadMessageFactory _badMessages = new(plan.Random);
    private Tick? _lastTick;

    /// <summary>Good ticks encoded so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>
    /// Encodes <paramref name="goodTicks"/> ticks (0 = until cancelled) plus the planned malformed
    /// messages into <paramref name="output"/>, then completes it (with the exception, on failure).
    /// A batch once written is part of the run: cancellation only stops the encoding of new ones.
    /// </summary>
    public async Task RunAsync(ChannelWriter<EncodedBatch> output, long goodTicks, CancellationToken cancellationToken)
    {
        try
        {
            await EncodeAsync(output, goodTicks, cancellationToken);
            output.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    public void Dispose() => _writer.Dispose();

    private async Task EncodeAsync(ChannelWriter<EncodedBatch> output, long goodTicks, CancellationToken cancellationToken)
    {
        var unlimited = goodTicks == 0;
        var total = unlimited ? long.MaxValue : goodTicks + plan.Positions.Count;
        var buffer = new Tick[BatchSize];
        var position = 0L;
        var batch = new EncodedBatch(BatchSize);
        while (position < total && !cancellationToken.IsCancellationRequested)
        {
            var max = unlimited ? BatchSize : (int)Math.Min(BatchSize, goodTicks - Ticks);
            var count = max > 0 ? await source.NextAsync(buffer, max, cancellationToken) : 0;
            for (var i = 0; i < count; i++)
            {
                while (plan.TryTake(position, out var kind))
                {
                    AddBad(batch, kind);
                    position++;
                }

                AddGood(batch, buffer[i]);
                position++;
            }

            // Malformed messages planned after the last good tick.
            if (max == 0)
            {
                while (plan.TryTake(position, out var kind))
                {
                    AddBad(batch, kind);
                    position++;
                }
            }

            // An empty batch (the pacer had nothing due) is kept for the next round.
            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken);
                // Only now, when the batch is sure to be produced: a batch dropped because the run
                // was interrupted while waiting for room must not count in the expected results.
                if (expected is not null)
                {
                    foreach (var tick in batch.Ticks)
                        expected.Add(tick);
                }

                batch = new EncodedBatch(BatchSize);
            }
        }
    }

    private void AddGood(EncodedBatch batch, in Tick tick)
    {
        var message = new Message<byte[], byte[]>
        {
            Key = _keys.Get(tick.Symbol),
            // librdkafka copies the payload, but Confluent.Kafka 1.9's API takes a whole array.
            Value = _writer.Write(tick).ToArray(),
        };
        batch.AddGood(message, tick);
        _lastTick = tick;
        Ticks++;
    }

    private void AddBad(EncodedBatch batch, BadMessageKind kind)
    {
        var template = _lastTick ?? new Tick(symbols[0], 100.00m, 1m, start, 0, 0);
        var bad = _badMessages.Create(kind, template, OtherSymbol(template.Symbol));
        batch.AddBad(new Message<byte[], byte[]> { Key = _keys.Get(bad.Key), Value = bad.Value }, tracker.HandlerFor(bad));
    }

    private string OtherSymbol(string symbol)
    {
        if (symbols.Count == 1)
            return symbol == "MISMATCH" ? "MISMATCH2" : "MISMATCH";

        var other = symbols[plan.Random.Next(symbols.Count - 1)];
        return other == symbol ? symbols[^1] : other;
    }
}
