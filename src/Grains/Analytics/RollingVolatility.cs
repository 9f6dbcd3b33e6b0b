namespace Pricing.Grains.Analytics;

/// <summary>
/// Sample standard deviation of the last <c>window</c> log returns between consecutive prices
/// (input order). Returns are kept in a ring (O(1) per tick); the deviation is computed when
/// read, in two passes (mean, then squared deviations), and cached until the next tick. Running
/// add-and-remove sums were tried and rejected: after a large return leaves a calm window their
/// rounding error dwarfs the variance that remains. Reads are rare (a stats request, a cache
/// refresh), so exactness costs nothing on the tick path.
/// </summary>
internal sealed class RollingVolatility(int window)
{
    private readonly RingBuffer<double> _returns = new(window);
    private decimal _previousPrice;
    private bool _hasPrevious;
    private double? _cached;
    private bool _stale = true;

    public int Window => _returns.Capacity;

    public int Count => _returns.Count;

    public double? StdDev
    {
        get
        {
            if (_stale)
            {
                _cached = Compute();
                _stale = false;
            }

            return _cached;
        }
    }

    public void Add(decimal price)
    {
        if (!_hasPrevious)
        {
            _previousPrice = price;
            _hasPrevious = true;
            return;
        }

        _returns.Add(LogReturn(_previousPrice, price), out _);
        _previousPrice = price;
        _stale = true;
    }

    /// <summary>
    /// ln(price / previous) to full double precision even for tiny moves: the relative change is
    /// taken in decimal (exact), and ln(1 + x) uses the u = 1 + x correction, because a ratio
    /// rounded to double first loses most digits of a one-tick move on a large price.
    /// </summary>
    internal static double LogReturn(decimal previous, decimal price)
    {
        var x = (double)((price - previous) / previous);
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private double? Compute()
    {
        var n = _returns.Count;
        if (n < 2)
        {
            return null;
        }

        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += _returns[i];
        }

        var mean = sum / n;
        double squares = 0;
        for (var i = 0; i < n; i++)
        {
            var deviation = _returns[i] - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / (n - 1));
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

        _stale = true;
    }
}
