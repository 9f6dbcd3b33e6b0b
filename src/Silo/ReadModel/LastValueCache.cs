using System.Collections.Concurrent;
using Pricing.Grains;

namespace Pricing.Silo.ReadModel;

/// <summary>
/// The latest quote of every symbol this process has seen, kept by sequence number (an older
/// quote never replaces a newer one). It is the symbol directory (a symbol with no quote is
/// unknown) and the source of the symbol list and the market summary.
/// </summary>
internal sealed class LastValueCache : IQuoteObserver
{
    private readonly ConcurrentDictionary<string, Quote> _quotes = new(StringComparer.Ordinal);

    public int Count => _quotes.Count;

    public ICollection<Quote> All => _quotes.Values;

    public bool TryGet(string symbol, out Quote quote) => _quotes.TryGetValue(symbol, out quote!);

    public bool Contains(string symbol) => _quotes.ContainsKey(symbol);

    public void OnQuote(Quote quote)
    {
        while (true)
        {
            if (!_quotes.TryGetValue(quote.Symbol, out var current))
            {
                if (_quotes.TryAdd(quote.Symbol, quote))
                {
                    return;
                }

                continue;
            }

            if (current.Sequence >= quote.Sequence || _quotes.TryUpdate(quote.Symbol, quote, current))
            {
                return;
            }
        }
    }
}
