namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// Candles of one interval for one symbol. A symbol's ticks come in non-decreasing event time,
/// so only the newest bucket can change: a tick either extends it or starts the next one.
/// </summary>
internal sealed class CandleSeriesBuilder(long lengthTicks)
{
    private readonly List<ExpectedCandle> _closed = [];
    private bool _hasCurrent;
    private long _start;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;
    private decimal _turnover;
    private long _tradeCount;

    /// <summary>Bucket start of <paramref name="utcTicks"/>: floored to the interval, counted from 0001-01-01 00:00 UTC, so aligned to every UTC midnight.</summary>
    public static long BucketStart(long utcTicks, long lengthTicks) => utcTicks - (utcTicks % lengthTicks);

    public void Add(long utcTicks, decimal price, decimal size, decimal turnover)
    {
        var start = BucketStart(utcTicks, lengthTicks);
        if (!_hasCurrent || start != _start)
        {
            if (_hasCurrent)
                _closed.Add(Current());

            _hasCurrent = true;
            _start = start;
            _open = _high = _low = price;
            _volume = 0;
            _turnover = 0;
            _tradeCount = 0;
        }

        _high = Math.Max(_high, price);
        _low = Math.Min(_low, price);
        _close = price;
        _volume += size;
        _turnover += turnover;
        _tradeCount++;
    }

    public IReadOnlyList<ExpectedCandle> ToList() => _hasCurrent ? [.. _closed, Current()] : [.. _closed];

    private ExpectedCandle Current() => new()
    {
        Start = new DateTimeOffset(_start, TimeSpan.Zero),
        Open = _open,
        High = _high,
        Low = _low,
        Close = _close,
        Volume = _volume,
        Turnover = _turnover,
        TradeCount = _tradeCount,
    };
}
