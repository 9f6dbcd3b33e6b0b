namespace Pricing.Grains.Analytics;

/// <summary>
/// The highest input offset applied per partition. A tick at or below it was applied before
/// (a replay after a crash or a rebalance) and is skipped: this, stored together with the
/// state it produced, is what turns at-least-once delivery into exactly-once effect.
/// </summary>
internal sealed class AppliedOffsets
{
    private readonly Dictionary<int, long> _highest = [];

    public IReadOnlyDictionary<int, long> Highest => _highest;

    /// <summary>Records the offset and returns true if it is new; false if already applied.</summary>
    public bool TryAdvance(int partition, long offset)
    {
        if (_highest.TryGetValue(partition, out var highest) && offset <= highest)
        {
            return false;
        }

        _highest[partition] = offset;
        return true;
    }

    public void Write(StateWriter writer)
    {
        writer.Write(_highest.Count);
        foreach (var (partition, offset) in _highest)
        {
            writer.Write(partition);
            writer.Write(offset);
        }
    }

    public void Read(StateReader reader)
    {
        _highest.Clear();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            _highest[reader.ReadInt32()] = reader.ReadInt64();
        }
    }
}
