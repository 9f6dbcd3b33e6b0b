using System.Runtime.InteropServices;

namespace Pricing.Grains.Tests.Reference;

/// <summary>
/// The reference the analytics are checked against. It applies a tick unless an earlier applied
/// tick of the same partition had an offset at or above it, keeps every applied tick in arrival
/// order, and recomputes each statistic from that list, straight from its definition, whenever
/// it is asked. Nothing is incremental, so nothing can drift; clarity over speed.
/// </summary>
/// <param name="candleDepth">How many of the newest closed candles per interval to build (all by default; fewer keeps a long run affordable).</param>
internal sealed class NaiveMarket(int candleDepth = int.MaxValue)
{
    private readonly List<AppliedTick> _ticks = [];
    private readonly Dictionary<int, long> _highestOffsets = [];

    // Candles are asked for several times per checkpoint; recomputed once per applied-tick count.
    private readonly Dictionary<(long Length, long Grace), (int Count, RefCandleSeries Series)> _candles = [];

    public IReadOnlyList<AppliedTick> Ticks => _ticks;

    public IReadOnlyDictionary<int, long> HighestOffsets => _highestOffsets;

    public int Count => _ticks.Count;

    public bool Apply(in Tick tick)
    {
        if (_highestOffsets.TryGetValue(tick.Partition, out var highest) && tick.Offset <= highest)
        {
            return false;
        }

        _highestOffsets[tick.Partition] = tick.Offset;
        _ticks.Add(new AppliedTick(tick.Price, tick.Size, tick.Timestamp.UtcTicks));
        return true;
    }

    public decimal Volume => _ticks.Sum(t => t.Size);

    public decimal Turnover => _ticks.Sum(t => t.Price * t.Size);

    public decimal VwapAllTime => Turnover / Volume;

    /// <summary>The tick with the greatest event time; of equal times, the last to arrive.</summary>
    public AppliedTick Last
    {
        get
        {
            var latest = _ticks.Max(t => t.UtcTicks);
            return _ticks.Last(t => t.UtcTicks == latest);
        }
    }

    /// <summary>VWAP of the last <paramref name="n"/> applied ticks.</summary>
    public RefVwap TickWindowVwap(int n)
    {
        var window = Tail(n);
        return new RefVwap(window.Count == 0 ? null : window.Sum(t => t.Price * t.Size) / window.Sum(t => t.Size), window.Count);
    }

    /// <summary>Mean of the last <paramref name="period"/> prices (of all while fewer arrived).</summary>
    public decimal? Sma(int period)
    {
        var window = Tail(period);
        return window.Count == 0 ? null : window.Sum(t => t.Price) / window.Count;
    }

    /// <summary>
    /// EMA as the explicit weighted sum (1-a)^(n-1) p1 + sum over i >= 2 of a (1-a)^(n-i) p_i with
    /// a = 2 / (period + 1): every weight computed directly with Math.Pow, oldest (smallest) first,
    /// with compensated summation, so it shares no rounding path with the recursion.
    /// </summary>
    public double? Ema(int period)
    {
        var n = _ticks.Count;
        if (n == 0)
        {
            return null;
        }

        var a = 2.0 / (period + 1);
        var keep = 1.0 - a;
        var sum = new CompensatedSum();
        sum.Add(Math.Pow(keep, n - 1) * (double)_ticks[0].Price);
        for (var i = 2; i <= n; i++)
        {
            sum.Add(a * Math.Pow(keep, n - i) * (double)_ticks[i - 1].Price);
        }

        return sum.Value;
    }

    /// <summary>Sample standard deviation (n - 1) of the last <paramref name="window"/> log returns, two-pass.</summary>
    public RefVolatility Volatility(int window)
    {
        var returns = LogReturns(window);
        // For failure messages: the largest return in the window or evicted since the implementation
        // last recomputed its running sums (it does so at least every `window` removals).
        var scale = LogReturns(2 * window).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (returns.Count < 2)
        {
            return new RefVolatility(null, returns.Count, scale);
        }

        var mean = returns.Sum() / returns.Count;
        var squares = returns.Sum(r => (r - mean) * (r - mean));
        return new RefVolatility(Math.Sqrt(squares / (returns.Count - 1)), returns.Count, scale);
    }

    /// <summary>VWAP of the ticks whose bucket is in (B - length/resolution, B], B the newest bucket.</summary>
    public RefVwap TimeWindowVwap(TimeSpan length, TimeSpan resolution)
    {
        var window = TimeWindow(length, resolution);
        return new RefVwap(window.Count == 0 ? null : window.Sum(t => t.Price * t.Size) / window.Sum(t => t.Size), window.Count);
    }

    /// <summary>Open (earliest event time, first to arrive on ties), high, low and volume of the 24h window.</summary>
    public RefDayRange DayRange(TimeSpan resolution)
    {
        var window = TimeWindow(TimeSpan.FromDays(1), resolution);
        var earliest = window.Min(t => t.UtcTicks);
        var open = window.First(t => t.UtcTicks == earliest).Price;
        return new RefDayRange(open, window.Max(t => t.Price), window.Min(t => t.Price), window.Sum(t => t.Size));
    }

    public RefCandleSeries Candles(CandleInterval interval, TimeSpan grace)
    {
        var key = (interval.ToTimeSpan().Ticks, grace.Ticks);
        if (!_candles.TryGetValue(key, out var cached) || cached.Count != _ticks.Count)
        {
            cached = (_ticks.Count, NaiveCandles.Compute(CollectionsMarshal.AsSpan(_ticks), key.Item1, key.Item2, candleDepth));
            _candles[key] = cached;
        }

        return cached.Series;
    }

    private List<AppliedTick> Tail(int n) => _ticks.Skip(Math.Max(0, _ticks.Count - n)).ToList();

    private List<AppliedTick> TimeWindow(TimeSpan length, TimeSpan resolution)
    {
        var buckets = length.Ticks / resolution.Ticks;
        var newest = _ticks.Max(t => t.UtcTicks / resolution.Ticks);
        return [.. _ticks.Where(t => t.UtcTicks / resolution.Ticks > newest - buckets)];
    }

    /// <summary>The last <paramref name="count"/> of the returns ln(p_i / p_(i-1)), see <see cref="PreciseLogReturn"/>.</summary>
    private List<double> LogReturns(int count)
    {
        var prices = Tail(count + 1);
        var returns = new List<double>(prices.Count);
        for (var i = 1; i < prices.Count; i++)
        {
            returns.Add(PreciseLogReturn.Of(prices[i - 1].Price, prices[i].Price));
        }

        return returns;
    }
}
