namespace Pricing.Simulator.Tests;

internal static class TestProfiles
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 14, 30, 0, TimeSpan.Zero);

    public static SymbolProfile Single(
        string symbol = "TEST",
        decimal initialPrice = 100m,
        double drift = 0.05,
        double volatility = 0.25,
        int decimals = 2,
        decimal lotSize = 1m) =>
        new(symbol, initialPrice, drift, volatility, decimals, lotSize, ActivityWeight: 1);

    public static MarketSimulator Simulator(SymbolProfile profile, int seed = 42) =>
        new([profile], TradeSizeDistribution.Default, seed);

    public static MarketSimulator Default(int seed = 42) => new(new SimulatorOptions { Seed = seed });
}
