namespace Pricing.Browser.Tests.Support;

/// <summary>Command-line configuration of a silo under test (embedded mode, seeded simulator).</summary>
internal sealed record SiloSettings(
    IReadOnlyList<string> Symbols,
    double TicksPerSecond,
    double SimulatedSecondsPerSecond = 1,
    double ActivitySkew = 1,
    int Seed = 42)
{
    /// <summary>Twelve built-in symbols, equities and crypto, one screenful of rows.</summary>
    public static readonly IReadOnlyList<string> SmallUniverse =
        ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM", "SPY", "QQQ", "BTC-USD", "ETH-USD"];

    /// <summary>
    /// The browser tests' market: 400 trades a second over twelve symbols, event time 30 times as
    /// fast as the clock so that a few seconds make several one-minute candles.
    /// </summary>
    public static SiloSettings ForTests => new(SmallUniverse, TicksPerSecond: 400, SimulatedSecondsPerSecond: 30);

    public IEnumerable<string> ToArguments()
    {
        yield return "--Pricing:Mode=Embedded";
        yield return $"--Pricing:Simulator:TicksPerSecond={TicksPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        yield return $"--Pricing:Simulator:SimulatedSecondsPerSecond={SimulatedSecondsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        yield return $"--Pricing:Simulator:ActivitySkew={ActivitySkew.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        yield return $"--Pricing:Simulator:Seed={Seed}";
        for (var i = 0; i < Symbols.Count; i++)
        {
            yield return $"--Pricing:Simulator:Symbols:{i}={Symbols[i]}";
        }
    }
}
