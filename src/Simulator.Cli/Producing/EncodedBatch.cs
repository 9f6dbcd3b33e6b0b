using Confluent.Kafka;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Messages ready to hand to librdkafka, passed from the encoding task to the producing thread.
/// A null handler means the shared handler of good ticks; malformed messages carry their own.
/// </summary>
internal sealed class EncodedBatch(int capacity)
{
    private readonly List<Message<byte[], byte[]>> _messages = new(capacity);
    private readonly List<Action<DeliveryReport<byte[], byte[]>>?> _handlers = new(capacity);

    public int Count => _messages.Count;

    public int BadCount { get; private set; }

    public Message<byte[], byte[]> Message(int index) => _messages[index];

    public Action<DeliveryReport<byte[], byte[]>>? Handler(int index) => _handlers[index];

    public void AddGood(Message<byte[], byte[]> message)
    {
        _messages.Add(message);
        _handlers.Add(null);
    }

    public void AddBad(Message<byte[], byte[]> message, Action<DeliveryReport<byte[], byte[]>> handler)
    {
        _messages.Add(message);
        _handlers.Add(handler);
        BadCount++;
    }
}
