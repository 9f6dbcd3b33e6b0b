namespace Pricing.Grains.Analytics;

/// <summary>
/// VWAP over a rolling event-time window (default 5 minutes in 1-second buckets): the trades
/// whose bucket lies in the last <c>length / resolution</c> buckets up to the latest trade's.
/// Exact decimal sums; amortised O(1) per tick; fixed memory.
/// </summary>
internal sealed class TimeWindowVwap : TimeBucketWindow
{
    private readonly decimal[] _notional;
    private readonly decimal[] _size;
    private readonly int[] _count;
    private decimal _totalNotional;
    private decimal _totalSize;
    private int _totalCount;

    public TimeWindowVwap(TimeSpan length, TimeSpan resolution) : base(length, resolution)
    {
        Length = length;
        _notional = new decimal[Slots];
        _size = new decimal[Slots];
        _count = new int[Slots];
    }

    public TimeSpan Length { get; }

    /// <summary>Trades in the window.</summary>
    public int Count => _totalCount;

    public decimal? Value => _totalSize > 0 ? _totalNotional / _totalSize : null;

    /// <summary>Adds a trade; returns false if it is older than the window.</summary>
    public bool Add(long utcTicks, decimal price, decimal size)
    {
        var slot = Locate(utcTicks);
        if (slot < 0)
        {
            return false;
        }

        var notional = price * size;
        _notional[slot] += notional;
        _size[slot] += size;
        _count[slot]++;
        _totalNotional += notional;
        _totalSize += size;
        _totalCount++;
        return true;
    }

    protected override void EvictSlot(int slot)
    {
        _totalNotional -= _notional[slot];
        _totalSize -= _size[slot];
        _totalCount -= _count[slot];
    }

    protected override void ResetSlot(int slot)
    {
        _notional[slot] = 0;
        _size[slot] = 0;
        _count[slot] = 0;
    }

    protected override void WriteSlot(StateWriter writer, int slot)
    {
        writer.Write(_notional[slot]);
        writer.Write(_size[slot]);
        writer.Write(_count[slot]);
    }

    protected override void ReadSlot(StateReader reader, int slot)
    {
        _notional[slot] = reader.ReadDecimal();
        _size[slot] = reader.ReadDecimal();
        _count[slot] = reader.ReadInt32();
    }

    protected override void ResetAggregates()
    {
        _totalNotional = 0;
        _totalSize = 0;
        _totalCount = 0;
    }

    protected override void AddSlotToAggregates(int slot)
    {
        _totalNotional += _notional[slot];
        _totalSize += _size[slot];
        _totalCount += _count[slot];
    }
}
