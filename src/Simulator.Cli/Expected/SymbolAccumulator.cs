using Pricing.Grains;

namespace Pricing.Simulator.Cli.Expected;

/// <summary>Running totals and candles of one symbol, fed in produce (= partition) order.</summary>
internal sealed class SymbolAccumulator
{
    private readonly CandleSeriesBuilder[] _candles;
    private long _count;
    private decimal _volume;
    private decimal _turnover;
    private decimal _lastPrice;
    private long _firstTicks;
    private long _lastTicks;

    public SymbolAccumulator(string symbol)
    {
        Symbol = symbol;
        _candles = [.. CandleIntervals.All.Select(i => new CandleSeriesBuilder(i.ToTimeSpan().Ticks))];
    }

    public string Symbol { get; }

    /// <exception cref="InvalidOperationException">The tick is older than the symbol's previous one.</exception>
    public void Add(in Tick tick)
    {
        var utcTicks = tick.Timestamp.UtcTicks;
        if (_count > 0 && utcTicks < _lastTicks)
        {
            // The candles' open/close rule (first/last in produce order) and the one-bucket-at-a-time
            // builder both rely on this; the simulator guarantees it, so a violation is a bug.
            throw new InvalidOperationException(
                $"Ticks of {Symbol} went back in time: {tick.Timestamp:O} after {new DateTimeOffset(_lastTicks, TimeSpan.Zero):O}.");
        }

        if (_count == 0)
            _firstTicks = utcTicks;

        var turnover = tick.Price * tick.Size;
        _count++;
        _volume += tick.Size;
        _turnover += turnover;
        // The latest timestamp wins; of equal timestamps the last produced, hence >=.
        if (utcTicks >= _lastTicks)
        {
            _lastTicks = utcTicks;
            _lastPrice = tick.Price;
        }

        foreach (var series in _candles)
            series.Add(utcTicks, tick.Price, tick.Size, turnover);
    }

    public ExpectedSymbol ToExpected()
    {
        var candles = new Dictionary<string, IReadOnlyList<ExpectedCandle>>(StringComparer.Ordinal);
        for (var i = 0; i < _candles.Length; i++)
            candles.Add(CandleIntervals.All[i].ToName(), _candles[i].ToList());

        return new ExpectedSymbol
        {
            Count = _count,
            Volume = _volume,
            Turnover = _turnover,
            Vwap = _turnover / _volume,
            LastPrice = _lastPrice,
            FirstTimestamp = new DateTimeOffset(_firstTicks, TimeSpan.Zero),
            LastTimestamp = new DateTimeOffset(_lastTicks, TimeSpan.Zero),
            Candles = candles,
        };
    }
}
