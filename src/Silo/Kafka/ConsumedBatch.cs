using Confluent.Kafka;
using Pricing.Grains;

namespace Pricing.Silo.Kafka;

/// <summary>
/// Messages consumed and not yet applied: parsed ticks in consumption order, rejected messages
/// with their reasons, and per partition the highest offset seen. Buffers are reused.
/// </summary>
internal sealed class ConsumedBatch(int capacity)
{
    private readonly List<Rejected> _rejected = [];
    private readonly Dictionary<int, long> _throughOffset = [];
    private Tick[] _ticks = new Tick[capacity];

    public int Count => TickCount + _rejected.Count;

    public int TickCount { get; private set; }

    public ReadOnlyMemory<Tick> Ticks => new(_ticks, 0, TickCount);

    public IReadOnlyList<Rejected> RejectedMessages => _rejected;

    /// <summary>Highest offset per partition in the batch, ticks and rejected alike.</summary>
    public IReadOnlyDictionary<int, long> ThroughOffset => _throughOffset;

    public void Add(in Tick tick)
    {
        if (TickCount == _ticks.Length)
        {
            Array.Resize(ref _ticks, _ticks.Length * 2);
        }

        _ticks[TickCount++] = tick;
        Seen(tick.Partition, tick.Offset);
    }

    public void Reject(ConsumeResult<byte[], byte[]> message, string reason)
    {
        _rejected.Add(new Rejected(message.Topic, message.Partition.Value, message.Offset.Value, message.Message.Key, message.Message.Value, reason));
        Seen(message.Partition.Value, message.Offset.Value);
    }

    /// <summary>Drops the messages of partitions this silo no longer owns; their new owner reads them again.</summary>
    public void RemovePartitions(IReadOnlySet<int> partitions)
    {
        var kept = 0;
        for (var i = 0; i < TickCount; i++)
        {
            if (!partitions.Contains(_ticks[i].Partition))
            {
                _ticks[kept++] = _ticks[i];
            }
        }

        TickCount = kept;
        _rejected.RemoveAll(r => partitions.Contains(r.Partition));
        foreach (var partition in partitions)
        {
            _throughOffset.Remove(partition);
        }
    }

    public void Clear()
    {
        TickCount = 0;
        _rejected.Clear();
        _throughOffset.Clear();
    }

    private void Seen(int partition, long offset)
    {
        if (!_throughOffset.TryGetValue(partition, out var through) || offset > through)
        {
            _throughOffset[partition] = offset;
        }
    }

    public sealed record Rejected(string Topic, int Partition, long Offset, byte[]? Key, byte[]? Value, string Reason);
}
