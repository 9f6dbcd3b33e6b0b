using System.Text;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Messages;

/// <summary>
/// Message keys: the symbol in UTF-8, encoded and validated once per symbol. Kafka copies the key
/// when a message is produced, so one array per symbol is shared by all its messages.
/// </summary>
public sealed class SymbolKeys
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <summary>The key of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The symbol does not match <see cref="SymbolRules.Pattern"/>.</exception>
    public byte[] Get(string symbol)
    {
        if (_keys.TryGetValue(symbol, out var key))
            return key;

        if (!SymbolRules.IsValid(symbol))
            throw new ArgumentException($"Symbol '{symbol}' is not valid: {SymbolRules.Description}.", nameof(symbol));

        key = Encoding.UTF8.GetBytes(symbol);
        _keys.Add(symbol, key);
        return key;
    }
}
