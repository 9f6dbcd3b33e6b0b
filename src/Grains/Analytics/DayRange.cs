namespace Pricing.Grains.Analytics;

/// <summary>
/// Rolling 24-hour open, high, low and volume by event time, in buckets (default 5 minutes, so
/// 288 of them): the window is the buckets up to the latest trade's. The open is the price of
/// the earliest trade in the window. High and low are kept incrementally and rescanned over the
/// buckets only after a bucket holding an extreme leaves the window (at most once per bucket
/// length), so the cost is amortised O(1) per tick.
/// </summary>
internal sealed class DayRange : TimeBucketWindow
{
    private readonly long[] _firstTicks;
    private readonly decimal[] _firstPrice;
    private readonly decimal[] _high;
    private readonly decimal[] _low;
    private readonly decimal[] _volume;
    private decimal _windowHigh;
    private decimal _windowLow;
    private decimal _windowVolume;
    private long _openTicks;
    private decimal _open;
    private bool _extremesStale;
    private bool _any;

    public DayRange(TimeSpan length, TimeSpan resolution) : base(length, resolution)
    {
        _firstTicks = new long[Slots];
        _firstPrice = new decimal[Slots];
        _high = new decimal[Slots];
        _low = new decimal[Slots];
        _volume = new decimal[Slots];
    }

    public decimal Open
    {
        get
        {
            RefreshIfStale();
            return _open;
        }
    }

    public decimal High
    {
        get
        {
            RefreshIfStale();
            return _windowHigh;
        }
    }

    public decimal Low
    {
        get
        {
            RefreshIfStale();
            return _windowLow;
        }
    }

    public decimal Volume => _windowVolume;

    public bool Add(long utcTicks, decimal price, decimal size)
    {
        var slot = Locate(utcTicks);
        if (slot < 0)
        {
            return false;
        }

        if (_firstTicks[slot] == long.MaxValue)
        {
            _firstTicks[slot] = utcTicks;
            _firstPrice[slot] = price;
            _high[slot] = price;
            _low[slot] = price;
        }
        else
        {
            // Strictly earlier only: of two trades with the same time, the first to arrive opens.
            if (utcTicks < _firstTicks[slot])
            {
                _firstTicks[slot] = utcTicks;
                _firstPrice[slot] = price;
            }

            _high[slot] = Math.Max(_high[slot], price);
            _low[slot] = Math.Min(_low[slot], price);
        }
        _volume[slot] += size;
        _windowVolume += size;

        if (!_extremesStale)
        {
            if (!_any)
            {
                _windowHigh = price;
                _windowLow = price;
                _openTicks = utcTicks;
                _open = price;
                _any = true;
            }
            else
            {
                _windowHigh = Math.Max(_windowHigh, price);
                _windowLow = Math.Min(_windowLow, price);
                if (utcTicks < _openTicks)
                {
                    _openTicks = utcTicks;
                    _open = price;
                }
            }
        }

        return true;
    }

    protected override void EvictSlot(int slot)
    {
        _windowVolume -= _volume[slot];
        // Any eviction may remove the open, the high or the low; rescan lazily on the next read.
        _extremesStale = true;
    }

    protected override void ResetSlot(int slot)
    {
        _firstTicks[slot] = long.MaxValue;
        _firstPrice[slot] = 0;
        _high[slot] = 0;
        _low[slot] = 0;
        _volume[slot] = 0;
    }

    private void RefreshIfStale()
    {
        if (!_extremesStale)
        {
            return;
        }

        _extremesStale = false;
        _any = false;
        for (var slot = 0; slot < Slots; slot++)
        {
            if (IsOccupied(slot))
            {
                MergeSlot(slot);
            }
        }
    }

    private void MergeSlot(int slot)
    {
        if (!_any)
        {
            _windowHigh = _high[slot];
            _windowLow = _low[slot];
            _openTicks = _firstTicks[slot];
            _open = _firstPrice[slot];
            _any = true;
            return;
        }

        _windowHigh = Math.Max(_windowHigh, _high[slot]);
        _windowLow = Math.Min(_windowLow, _low[slot]);
        if (_firstTicks[slot] < _openTicks)
        {
            _openTicks = _firstTicks[slot];
            _open = _firstPrice[slot];
        }
    }

    protected override void WriteSlot(StateWriter writer, int slot)
    {
        writer.Write(_firstTicks[slot]);
        writer.Write(_firstPrice[slot]);
        writer.Write(_high[slot]);
        writer.Write(_low[slot]);
        writer.Write(_volume[slot]);
    }

    protected override void ReadSlot(StateReader reader, int slot)
    {
        _firstTicks[slot] = reader.ReadInt64();
        _firstPrice[slot] = reader.ReadDecimal();
        _high[slot] = reader.ReadDecimal();
        _low[slot] = reader.ReadDecimal();
        _volume[slot] = reader.ReadDecimal();
    }

    protected override void ResetAggregates()
    {
        _windowVolume = 0;
        _any = false;
        _extremesStale = false;
    }

    protected override void AddSlotToAggregates(int slot)
    {
        _windowVolume += _volume[slot];
        MergeSlot(slot);
    }
}
