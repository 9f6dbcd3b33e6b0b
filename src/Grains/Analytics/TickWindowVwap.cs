namespace Pricing.Grains.Analytics;

/// <summary>
/// VWAP over the last N ticks in input order, O(1) per tick: running sums of notional and size,
/// minus what leaves the window. Decimal sums are exact, so the running sums never drift.
/// </summary>
internal sealed class TickWindowVwap(int ticks)
{
    private readonly RingBuffer<NotionalAndSize> _window = new(ticks);
    private decimal _notional;
    private decimal _size;

    public int Ticks => _window.Capacity;

    public int Count => _window.Count;

    public decimal? Value => _size > 0 ? _notional / _size : null;

    public void Add(decimal price, decimal size)
    {
        var notional = price * size;
        if (_window.Add(new NotionalAndSize(notional, size), out var evicted))
        {
            _notional -= evicted.Notional;
            _size -= evicted.Size;
        }

        _notional += notional;
        _size += size;
    }

    public void Write(StateWriter writer)
    {
        writer.Write((long)Ticks);
        writer.Write(_window.Count);
        for (var i = 0; i < _window.Count; i++)
        {
            writer.Write(_window[i].Notional);
            writer.Write(_window[i].Size);
        }
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Ticks, "the tick-window VWAP length");
        _window.Clear();
        _notional = 0;
        _size = 0;
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var item = new NotionalAndSize(reader.ReadDecimal(), reader.ReadDecimal());
            _window.Add(item, out _);
            _notional += item.Notional;
            _size += item.Size;
        }
    }

    private readonly record struct NotionalAndSize(decimal Notional, decimal Size);
}
