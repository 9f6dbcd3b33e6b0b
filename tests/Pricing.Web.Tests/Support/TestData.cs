namespace Pricing.Web.Tests.Support;

/// <summary>Builders of the contract records with plausible values.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static Quote Quote(string symbol, long sequence, decimal price = 100m) => new(
        Symbol: symbol,
        Sequence: sequence,
        Price: price,
        Size: 10m,
        Timestamp: Epoch.AddMilliseconds(sequence),
        Change24h: 1.5m,
        ChangePercent24h: 1.52m,
        High24h: price + 2,
        Low24h: price - 2,
        Volume24h: 12_345m,
        Vwap: price - 0.25m,
        TradeCount: sequence,
        Volume: sequence * 10m);

    public static SymbolStats Stats(Quote quote) => new(
        quote,
        Turnover: quote.Volume * quote.Vwap,
        VwapAllTime: quote.Vwap,
        VwapTicks: new RollingVwap(quote.Vwap, 100, null, 100),
        VwapWindow: new RollingVwap(quote.Vwap, null, 300, 42),
        Sma: [new MovingAverage(20, (double)quote.Price, 20)],
        Ema: [new MovingAverage(20, (double)quote.Price, 20)],
        Volatility: new Volatility(50, 0.0012, 50),
        OpenCandles: [Candle(quote.Symbol, CandleInterval.OneMinute, Epoch)],
        LateTicks: [new LateTickCount("1m", 0)],
        AppliedOffsets: new Dictionary<int, long> { [3] = quote.Sequence });

    public static Candle Candle(string symbol, CandleInterval interval, DateTimeOffset start) => new(
        symbol,
        interval.ToName(),
        start,
        start + interval.ToTimeSpan(),
        Open: 100m,
        High: 101m,
        Low: 99m,
        Close: 100.5m,
        Volume: 1_000m,
        Turnover: 100_100m,
        Vwap: 100.1m,
        TradeCount: 12,
        Closed: true,
        Revision: 0,
        FirstTradeAt: start,
        LastTradeAt: start + interval.ToTimeSpan() - TimeSpan.FromSeconds(1));

    /// <summary><paramref name="count"/> consecutive candles ending with the one starting at <paramref name="newestStart"/>.</summary>
    public static IEnumerable<Candle> Candles(string symbol, CandleInterval interval, DateTimeOffset newestStart, int count) =>
        Enumerable.Range(0, count).Select(i => Candle(symbol, interval, newestStart - (interval.ToTimeSpan() * i)));

    public static IEnumerable<Trade> Trades(string symbol, int count) =>
        Enumerable.Range(1, count).Select(id => new Trade(symbol, id, 100m + (id % 7), 1m + (id % 3), Epoch.AddSeconds(id)));

    public static MarketSummary Summary(DateTimeOffset asOf, int symbols) => new(
        asOf,
        symbols,
        Advancers: symbols / 2,
        Decliners: symbols / 3,
        Unchanged: symbols - (symbols / 2) - (symbols / 3),
        TotalTrades: 1_000,
        TotalVolume24h: 1_234_567.5m,
        TicksPerSecond: 250.5,
        TopGainers: [],
        TopLosers: [],
        MostActive: []);
}
