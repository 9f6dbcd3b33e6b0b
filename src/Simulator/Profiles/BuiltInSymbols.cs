using System.Collections.Frozen;

namespace Pricing.Simulator;

/// <summary>
/// The default universe: large US equities, a few index ETFs and crypto pairs, with prices of the
/// right order of magnitude. Listed most active first, since activity falls off with rank.
/// </summary>
internal static class BuiltInSymbols
{
    public static IReadOnlyList<BuiltInSymbol> All { get; } =
    [
        new("SPY", 600.00m, AssetClass.Etf),
        new("NVDA", 140.00m, AssetClass.Equity),
        new("TSLA", 250.00m, AssetClass.Equity),
        new("AAPL", 230.00m, AssetClass.Equity),
        // Crypto lot sizes follow the exchanges' minimum increments, so sizes look like real orders.
        new("BTC-USD", 95_000.00m, AssetClass.Crypto, PriceDecimals: 2, LotSize: 0.0001m),
        new("QQQ", 520.00m, AssetClass.Etf),
        new("AMZN", 200.00m, AssetClass.Equity),
        new("MSFT", 420.00m, AssetClass.Equity),
        new("META", 580.00m, AssetClass.Equity),
        new("AMD", 140.00m, AssetClass.Equity),
        new("ETH-USD", 3_400.00m, AssetClass.Crypto, PriceDecimals: 2, LotSize: 0.001m),
        new("GOOGL", 175.00m, AssetClass.Equity),
        new("IWM", 220.00m, AssetClass.Etf),
        new("AVGO", 170.00m, AssetClass.Equity),
        new("JPM", 230.00m, AssetClass.Equity),
        new("SOL-USD", 180.00m, AssetClass.Crypto, PriceDecimals: 2, LotSize: 0.01m),
        new("NFLX", 750.00m, AssetClass.Equity),
        new("BRK.B", 460.00m, AssetClass.Equity),
        new("V", 300.00m, AssetClass.Equity),
        new("LLY", 800.00m, AssetClass.Equity),
        new("BAC", 44.00m, AssetClass.Equity),
        new("XRP-USD", 2.2000m, AssetClass.Crypto, PriceDecimals: 4, LotSize: 1m),
        new("UNH", 520.00m, AssetClass.Equity),
        new("XOM", 115.00m, AssetClass.Equity),
        new("INTC", 22.00m, AssetClass.Equity),
        new("DIA", 430.00m, AssetClass.Etf),
        new("MA", 510.00m, AssetClass.Equity),
        new("COST", 900.00m, AssetClass.Equity),
        new("WMT", 85.00m, AssetClass.Equity),
        new("DOGE-USD", 0.35000m, AssetClass.Crypto, PriceDecimals: 5, LotSize: 1m),
        new("ORCL", 170.00m, AssetClass.Equity),
        new("CRM", 300.00m, AssetClass.Equity),
        new("JNJ", 155.00m, AssetClass.Equity),
        new("PG", 170.00m, AssetClass.Equity),
        new("HD", 400.00m, AssetClass.Equity),
        new("CVX", 155.00m, AssetClass.Equity),
        new("ABBV", 180.00m, AssetClass.Equity),
        new("MRK", 100.00m, AssetClass.Equity),
        new("KO", 62.00m, AssetClass.Equity),
        new("PEP", 160.00m, AssetClass.Equity),
        new("ADBE", 500.00m, AssetClass.Equity),
        new("CSCO", 57.00m, AssetClass.Equity),
        new("QCOM", 160.00m, AssetClass.Equity),
        new("TMO", 560.00m, AssetClass.Equity),
        new("ACN", 350.00m, AssetClass.Equity),
        new("MCD", 290.00m, AssetClass.Equity),
        new("DIS", 95.00m, AssetClass.Equity),
        new("IBM", 220.00m, AssetClass.Equity),
        new("GS", 550.00m, AssetClass.Equity),
        new("CAT", 380.00m, AssetClass.Equity),
    ];

    private static readonly FrozenDictionary<string, BuiltInSymbol> s_bySymbol =
        All.ToFrozenDictionary(s => s.Symbol, StringComparer.Ordinal);

    public static bool TryGet(string symbol, out BuiltInSymbol entry) => s_bySymbol.TryGetValue(symbol, out entry);
}
