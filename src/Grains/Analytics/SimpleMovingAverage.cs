namespace Pricing.Grains.Analytics;

/// <summary>
/// Mean of the last <c>period</c> prices in input order (of fewer while fewer have arrived),
/// O(1) per tick with an exact decimal running sum.
/// </summary>
internal sealed class SimpleMovingAverage(int period)
{
    private readonly RingBuffer<decimal> _prices = new(period);
    private decimal _sum;

    public int Period => _prices.Capacity;

    public int Count => _prices.Count;

    public decimal? Value => _prices.Count > 0 ? _sum / _prices.Count : null;

    public void Add(decimal price)
    {
        if (_prices.Add(price, out var evicted))
        {
            _sum -= evicted;
        }

        _sum += price;
    }

    public void Write(StateWriter writer)
    {
        writer.Write((long)Period);
        writer.Write(_prices.Count);
        for (var i = 0; i < _prices.Count; i++)
        {
            writer.Write(_prices[i]);
        }
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Period, "an SMA period");
        _prices.Clear();
        _sum = 0;
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            Add(reader.ReadDecimal());
        }
    }
}
