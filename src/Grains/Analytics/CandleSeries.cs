using System.Runtime.InteropServices;

namespace Pricing.Grains.Analytics;

/// <summary>
/// OHLCV candles of one interval, bucketed by the tick's event time (UTC-aligned; start
/// inclusive, end exclusive). The bucket holding the latest event time is the open candle;
/// a tick for a later bucket closes it. A closed candle still accepts late ticks while the
/// latest event time is before its end plus the grace period, and each such amendment bumps its
/// revision; ticks later than that are counted in <see cref="LateTicks"/>, not applied here.
/// The last <c>retain</c> closed candles are kept (oldest first) for reads and amendments.
/// </summary>
internal sealed class CandleSeries
{
    private readonly List<CandleBar> _closed;
    private readonly int _retain;
    private readonly long _graceTicks;
    private CandleBar _open;
    private bool _hasOpen;
    private long _maxEventTicks = long.MinValue;

    public CandleSeries(CandleInterval interval, int retain, TimeSpan grace)
    {
        Interval = interval;
        Length = interval.ToTimeSpan().Ticks;
        _retain = retain;
        _graceTicks = grace.Ticks;
        _closed = [];
    }

    public CandleInterval Interval { get; }

    /// <summary>Bucket length in ticks (100 ns).</summary>
    public long Length { get; }

    public long LateTicks { get; private set; }

    public bool HasOpen => _hasOpen;

    public ref readonly CandleBar OpenBar => ref _open;

    /// <summary>Closed candles held, oldest first.</summary>
    public int ClosedCount => _closed.Count;

    public CandleBar ClosedAt(int index) => _closed[index];

    /// <summary>The candle that the last <see cref="CandleChange.Closed"/> or <see cref="CandleChange.Amended"/> change produced.</summary>
    public CandleBar LastChangedClosed { get; private set; }

    public CandleChange Add(long utcTicks, decimal price, decimal size)
    {
        var start = utcTicks - (utcTicks % Length);
        var watermark = _maxEventTicks;
        if (utcTicks > _maxEventTicks)
        {
            _maxEventTicks = utcTicks;
        }

        if (!_hasOpen)
        {
            // No open candle (first tick, or closed candles restored without one): a tick at or
            // before the newest closed candle is late, anything after opens a candle.
            if (_closed.Count == 0 || start > _closed[^1].Start)
            {
                _open = CandleBar.First(start, utcTicks, price, size);
                _hasOpen = true;
                return CandleChange.OpenUpdated;
            }
        }
        else if (start == _open.Start)
        {
            _open.Add(utcTicks, price, size);
            return CandleChange.OpenUpdated;
        }
        else if (start > _open.Start)
        {
            LastChangedClosed = _open;
            AppendClosed(_open);
            _open = CandleBar.First(start, utcTicks, price, size);
            return CandleChange.Closed;
        }

        // An earlier bucket: amend it while the watermark is before its end plus the grace period.
        if (watermark >= start + Length + _graceTicks)
        {
            LateTicks++;
            return CandleChange.Late;
        }

        var index = FindClosed(start);
        if (index >= 0)
        {
            ref var bar = ref CollectionsMarshal.AsSpan(_closed)[index];
            bar.Add(utcTicks, price, size);
            bar.Revision++;
            LastChangedClosed = bar;
            return CandleChange.Amended;
        }

        // No candle for that bucket yet (no trade fell in it before it closed): insert it in order.
        var insertAt = ~index;
        if (insertAt == 0 && _closed.Count >= _retain)
        {
            LateTicks++;
            return CandleChange.Late;
        }

        var created = CandleBar.First(start, utcTicks, price, size);
        created.Revision = 1;
        _closed.Insert(insertAt, created);
        TrimToRetention();
        LastChangedClosed = created;
        return CandleChange.Amended;
    }

    /// <summary>Restores the closed candles from history (any order; the newest <c>retain</c> are kept).</summary>
    public void RestoreClosed(IEnumerable<CandleBar> bars)
    {
        _closed.Clear();
        _closed.AddRange(bars.Where(b => !_hasOpen || b.Start < _open.Start).OrderBy(b => b.Start));
        TrimToRetention();
        if (_closed.Count > 0)
        {
            // The latest event time is at least the newest trade in history (state written before it may not say so).
            _maxEventTicks = Math.Max(_maxEventTicks, _closed.Max(b => b.CloseTicks));
        }
    }

    public void Write(StateWriter writer)
    {
        writer.Write(Length);
        writer.Write(_graceTicks);
        writer.Write(LateTicks);
        writer.Write(_maxEventTicks);
        writer.Write(_hasOpen);
        if (_hasOpen)
        {
            _open.Write(writer);
        }
    }

    public void Read(StateReader reader)
    {
        reader.Expect(Length, $"the {Interval.ToName()} candle length");
        // The grace period is a setting, not part of the candles' shape: a changed grace applies from now on.
        _ = reader.ReadInt64();
        LateTicks = reader.ReadInt64();
        _maxEventTicks = reader.ReadInt64();
        _hasOpen = reader.ReadBoolean();
        _open = _hasOpen ? CandleBar.Read(reader) : default;
    }

    private void AppendClosed(CandleBar bar)
    {
        _closed.Add(bar);
        TrimToRetention();
    }

    private void TrimToRetention()
    {
        if (_closed.Count > _retain)
        {
            _closed.RemoveRange(0, _closed.Count - _retain);
        }
    }

    private int FindClosed(long start)
    {
        // Late ticks land near the end; search backwards, returning ~insertionIndex when absent.
        for (var i = _closed.Count - 1; i >= 0; i--)
        {
            var s = _closed[i].Start;
            if (s == start)
            {
                return i;
            }

            if (s < start)
            {
                return ~(i + 1);
            }
        }

        return ~0;
    }
}
