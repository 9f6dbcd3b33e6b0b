using Confluent.Kafka;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Messages ready to hand to librdkafka, passed from the encoding task to the producing thread.
/// A null handler means the shared handler of good ticks; malformed messages carry their own.
/// </summary>
internal sealed class EncodedBatch(int capacity)
{
    private readonly List<Message<byte[], byte[]>> _messages = new(capacity);
    private readonly List<Action<DeliveryReport<byte[], byte[]>>?> _handlers = new(capacity);
    private readonly List<Tick> _ticks = new(capacity);

    public int Count => _messages.Count;

    public int BadCount { get; private set; }

    public Message<byte[], byte[]> Message(int index) => _messages[index];

    public Action<DeliveryReport<byte[], byte[]>>? Handler(int index) => _handlers[index];

    /// <summary>The good ticks of the batch, in order, for the expected results once the batch is handed over.</summary>
    public IReadOnlyList<Tick> Ticks => _ticks;

    public void AddGood(Message<byte[], byte[]> message, in Tick tick)
    {
        _messages.Add(message);
        _handlers.Add(null);
        _ticks.Add(tick);
    }

    public void AddBad(Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        _messages.Add(message);
        _handlers.Add(handler);
        BadCount++;
    }
}
