using System.Globalization;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// The value of <c>--symbols</c>: a count N (the first N built-in symbols, most active first, then
/// generated ones S0051, S0052, ...) or a comma-separated list of symbols.
/// </summary>
public static class SymbolSelection
{
    /// <summary>Most symbols a count may ask for.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Parses a count or a list; false with a message naming the problem.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<string> symbols, out string error)
    {
        symbols = [];
        error = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "--symbols is empty: give a count (e.g. 100) or a list (e.g. AAPL,MSFT).";
            return false;
        }

        if (trimmed.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
            {
                error = $"--symbols count must be between 1 and {MaxCount}, was {trimmed}.";
                return false;
            }

            symbols = First(count);
            return true;
        }

        var list = trimmed.Split(',', StringSplitOptions.TrimEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in list)
        {
            if (!SymbolRules.IsValid(symbol))
            {
                error = $"Symbol '{symbol}' is not valid: {SymbolRules.Description}.";
                return false;
            }

            if (!seen.Add(symbol))
            {
                error = $"Symbol '{symbol}' is listed twice.";
                return false;
            }
        }

        symbols = list;
        return true;
    }

    /// <summary>
    /// The first <paramref name="count"/> built-in symbols; beyond them, "S" and the 1-based
    /// position in at least four digits (S0051 ...), which are valid symbols and the same on every run.
    /// </summary>
    public static IReadOnlyList<string> First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var builtIn = SymbolProfiles.DefaultSymbols;
        var symbols = new string[count];
        for (var i = 0; i < count; i++)
            symbols[i] = i < builtIn.Count ? builtIn[i] : string.Create(CultureInfo.InvariantCulture, $"S{i + 1:D4}");
        return symbols;
    }
}
