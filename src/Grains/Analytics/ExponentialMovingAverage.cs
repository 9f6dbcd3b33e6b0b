namespace Pricing.Grains.Analytics;

/// <summary>
/// Exponential moving average with smoothing 2 / (period + 1), seeded with the first price.
/// Double precision: the recursion multiplies by a non-decimal factor every tick, so an exact
/// type would buy nothing, and the recursion is stable (errors decay with the same factor).
/// </summary>
internal sealed class ExponentialMovingAverage(int period)
{
    private readonly double _alpha = 2.0 / (period + 1);
    private double _value;
    private long _count;

    public int Period { get; } = period;

    public long Count => _count;

    public double? Value => _count > 0 ? _value : null;

    public void Add(decimal price)
    {
        var p = (double)price;
        _value = _count == 0 ? p : _value + (_alpha * (p - _value));
        _count++;
    }

    public void Write(StateWriter writer)
    {
        writer.Write((long)Period);
        writer.Write(_count);
        writer.Write(_value);
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Period, "an EMA period");
        _count = reader.ReadInt64();
        _value = reader.ReadDouble();
    }
}
