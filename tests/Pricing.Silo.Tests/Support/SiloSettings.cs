using System.Globalization;

namespace Pricing.Silo.Tests.Support;

/// <summary>The configuration tests give the silo: a small, seeded, fast market on a free port.</summary>
public static class SiloSettings
{
    /// <summary>Five symbols, most active first: equities, one with a dot, one crypto pair, one ETF.</summary>
    public static readonly IReadOnlyList<string> Symbols = ["AAPL", "MSFT", "BRK.B", "BTC-USD", "SPY"];

    public const int Seed = 20261122;

    public const double TicksPerSecond = 5000;

    /// <summary>The settings every test silo starts from; tests override or add single keys.</summary>
    public static Dictionary<string, string?> Defaults()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Pricing:Mode"] = "Embedded",
            ["Pricing:Simulator:Seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["Pricing:Simulator:TicksPerSecond"] = TicksPerSecond.ToString(CultureInfo.InvariantCulture),
            // The test host's own logging; the capture sees everything from Information up.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        for (var i = 0; i < Symbols.Count; i++)
        {
            settings[$"Pricing:Simulator:Symbols:{i}"] = Symbols[i];
        }

        return settings;
    }
}
