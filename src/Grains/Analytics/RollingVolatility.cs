namespace Pricing.Grains.Analytics;

/// <summary>
/// Sample standard deviation of the last <c>window</c> log returns between consecutive prices
/// (input order). Welford's update, extended to removal, keeps mean and squared deviations
/// stable in double precision; because add-and-remove still accumulates rounding, the sums
/// are recomputed from the window after every <c>window</c> removals, which bounds the error
/// to one window's worth at amortised O(1) per tick.
/// </summary>
internal sealed class RollingVolatility(int window)
{
    private readonly RingBuffer<double> _returns = new(window);
    private double _mean;
    private double _m2;
    private decimal _previousPrice;
    private bool _hasPrevious;
    private int _removalsSinceRecompute;

    public int Window => _returns.Capacity;

    public int Count => _returns.Count;

    public double? StdDev => _returns.Count > 1 ? Math.Sqrt(Math.Max(0, _m2 / (_returns.Count - 1))) : null;

    public void Add(decimal price)
    {
        if (!_hasPrevious)
        {
            _previousPrice = price;
            _hasPrevious = true;
            return;
        }

        var logReturn = Math.Log((double)price / (double)_previousPrice);
        _previousPrice = price;

        if (_returns.Add(logReturn, out var evicted))
        {
            Remove(evicted);
            if (++_removalsSinceRecompute >= _returns.Capacity)
            {
                Recompute();
            }
        }

        Insert(logReturn);
    }

    private void Insert(double x)
    {
        // Count already includes x (the ring was updated first).
        var n = _returns.Count;
        var delta = x - _mean;
        _mean += delta / n;
        _m2 += delta * (x - _mean);
    }

    private void Remove(double x)
    {
        // The ring holds n - 1 values after evicting x; run Welford's step backwards.
        var n = _returns.Count - 1;
        if (n == 0)
        {
            _mean = 0;
            _m2 = 0;
            return;
        }

        var delta = x - _mean;
        _mean -= delta / n;
        _m2 -= delta * (x - _mean);
    }

    private void Recompute()
    {
        _removalsSinceRecompute = 0;
        // Excludes the newest slot, which Insert is about to add.
        var n = _returns.Count - 1;
        double mean = 0;
        for (var i = 0; i < n; i++)
        {
            mean += (_returns[i] - mean) / (i + 1);
        }

        double m2 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = _returns[i] - mean;
            m2 += d * d;
        }

        _mean = mean;
        _m2 = m2;
    }

    public void Write(StateWriter writer)
    {
        writer.Write((long)Window);
        writer.Write(_hasPrevious);
        writer.Write(_previousPrice);
        writer.Write(_returns.Count);
        for (var i = 0; i < _returns.Count; i++)
        {
            writer.Write(_returns[i]);
        }
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Window, "the volatility window");
        _hasPrevious = reader.ReadBoolean();
        _previousPrice = reader.ReadDecimal();
        _returns.Clear();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            _returns.Add(reader.ReadDouble(), out _);
        }

        // Recompute over the whole ring: Recompute skips the newest slot, so add it back.
        _removalsSinceRecompute = 0;
        _mean = 0;
        _m2 = 0;
        for (var i = 0; i < _returns.Count; i++)
        {
            var x = _returns[i];
            var delta = x - _mean;
            _mean += delta / (i + 1);
            _m2 += delta * (x - _mean);
        }
    }
}
