using System.Text.RegularExpressions;

namespace Pricing.Grains;

/// <summary>
/// What a symbol may look like: 1 to 16 characters of upper-case letters, digits, '.', '-' and
/// '_', starting with a letter or digit (AAPL, BRK.B, BTC-USD). The API accepts lower case and
/// upper-cases it; the Kafka ingest accepts the exact form only.
/// </summary>
public static partial class SymbolRules
{
    public const string Pattern = "^[A-Z0-9][A-Z0-9._-]{0,15}$";

    public const string Description = "1-16 characters: A-Z, 0-9, '.', '-', '_', starting with a letter or digit";

    public static bool IsValid(string? symbol) => symbol is not null && SymbolRegex().IsMatch(symbol);

    /// <summary>Upper-cases and validates user input.</summary>
    public static bool TryNormalize(string? input, out string symbol)
    {
        symbol = input?.Trim().ToUpperInvariant() ?? string.Empty;
        return IsValid(symbol);
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SymbolRegex();
}
