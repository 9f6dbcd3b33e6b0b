namespace Pricing.Web.Tests.Support;

/// <summary>
/// The silo's services, in memory, for tests of the web layer: quotes, stats, candles and trades
/// per symbol, synchronous publication to observers, and a summary feed.
/// </summary>
internal sealed class InMemoryMarket : IMarketQueries, IMarketUpdates, IMarketSummaryFeed, IClusterView
{
    /// <summary>A symbol whose reads throw, to test the 500 path.</summary>
    public const string FailingSymbol = "BOOM";

    /// <summary>The message of that exception, which must never reach a client.</summary>
    public const string SecretMessage = "connection string Password=hunter2 leaked";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Candle>> _candles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Trade>> _trades = new(StringComparer.Ordinal);
    private IQuoteObserver[] _observers = [];
    private MarketSummary _summary = TestData.Summary(DateTimeOffset.UnixEpoch.AddYears(56), symbols: 0);

    public event Action<MarketSummary>? Updated;

    /// <summary>Runs inside <see cref="GetQuoteAsync"/> before the quote is read: lets a test publish just before a snapshot.</summary>
    public Action<string>? BeforeSnapshot { get; set; }

    /// <summary>Runs inside <see cref="GetQuoteAsync"/> after the quote is read: lets a test publish between snapshot and subscription.</summary>
    public Action<Quote>? AfterSnapshot { get; set; }

    public MarketSummary Current => Volatile.Read(ref _summary);

    /// <summary>The cluster view the API serves: one embedded silo.</summary>
    public ClusterStatus Cluster { get; set; } = new(
        TestData.Epoch,
        "Embedded",
        [new SiloStatus("test-silo", "http://127.0.0.1", TestData.Epoch, TestData.Epoch, [0, 1], 3, 42, 10.5, 0, 1, "Running", "test")]);

    public ValueTask<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Cluster);

    public int ObserverCount => Volatile.Read(ref _observers).Length;

    public void Add(Quote quote, IEnumerable<Candle>? candles = null, IEnumerable<Trade>? trades = null)
    {
        lock (_gate)
        {
            _quotes[quote.Symbol] = quote;
            _candles[quote.Symbol] = [.. (candles ?? []).OrderByDescending(c => c.Start)];
            _trades[quote.Symbol] = [.. (trades ?? []).OrderByDescending(t => t.TradeId)];
        }
    }

    public Quote QuoteOf(string symbol)
    {
        lock (_gate)
        {
            return _quotes[symbol];
        }
    }

    /// <summary>Stores the quote and tells every observer, on this thread, like a grain does.</summary>
    public void Publish(Quote quote)
    {
        lock (_gate)
        {
            _quotes[quote.Symbol] = quote;
        }

        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.OnQuote(quote);
        }
    }

    public IDisposable Subscribe(IQuoteObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    public void PublishSummary(MarketSummary summary)
    {
        Volatile.Write(ref _summary, summary);
        Updated?.Invoke(summary);
    }

    public ValueTask<IReadOnlyList<SymbolSummary>> GetSymbolsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SymbolSummary> symbols = [.. _quotes.Values
                .OrderBy(q => q.Symbol, StringComparer.Ordinal)
                .Select(q => new SymbolSummary(q.Symbol, q.Price, q.ChangePercent24h, q.TradeCount, q.Timestamp, q.Sequence))];
            return ValueTask.FromResult(symbols);
        }
    }

    public ValueTask<Quote?> GetQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        ThrowIfFailing(symbol);
        BeforeSnapshot?.Invoke(symbol);
        Quote? quote;
        lock (_gate)
        {
            quote = _quotes.GetValueOrDefault(symbol);
        }

        if (quote is not null)
        {
            AfterSnapshot?.Invoke(quote);
        }

        return ValueTask.FromResult(quote);
    }

    public ValueTask<SymbolStats?> GetStatsAsync(string symbol, CancellationToken cancellationToken)
    {
        ThrowIfFailing(symbol);
        lock (_gate)
        {
            return ValueTask.FromResult(_quotes.TryGetValue(symbol, out var quote) ? TestData.Stats(quote) : null);
        }
    }

    public ValueTask<Page<Candle>?> GetCandlesAsync(string symbol, CandleInterval interval, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        ThrowIfFailing(symbol);
        lock (_gate)
        {
            if (!_candles.TryGetValue(symbol, out var candles))
            {
                return ValueTask.FromResult<Page<Candle>?>(null);
            }

            var name = interval.ToName();
            var older = candles.Where(c => c.Interval == name && (before is null || c.Start < before)).ToList();
            var items = older.Take(limit).ToList();

            // Deliberately not the API's cursor format: the API must re-encode it.
            var next = older.Count > limit ? "store-specific" : null;
            return ValueTask.FromResult<Page<Candle>?>(new Page<Candle>(items, next));
        }
    }

    public ValueTask<Page<Trade>?> GetTradesAsync(string symbol, int limit, long? beforeTradeId, CancellationToken cancellationToken)
    {
        ThrowIfFailing(symbol);
        lock (_gate)
        {
            if (!_trades.TryGetValue(symbol, out var trades))
            {
                return ValueTask.FromResult<Page<Trade>?>(null);
            }

            var older = trades.Where(t => beforeTradeId is null || t.TradeId < beforeTradeId).ToList();
            var next = older.Count > limit ? "store-specific" : null;
            return ValueTask.FromResult<Page<Trade>?>(new Page<Trade>([.. older.Take(limit)], next));
        }
    }

    public ValueTask<MarketSummary> GetMarketSummaryAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    private static void ThrowIfFailing(string symbol)
    {
        if (symbol == FailingSymbol)
        {
            throw new InvalidOperationException(SecretMessage);
        }
    }

    private sealed class Unsubscriber(InMemoryMarket market, IQuoteObserver observer) : IDisposable
    {
        public void Dispose()
        {
            lock (market._gate)
            {
                market._observers = [.. market._observers.Where(o => !ReferenceEquals(o, observer))];
            }
        }
    }
}
