using System.Text;
using System.Text.Json;
using Pricing.Grains;

namespace Pricing.Silo.Kafka;

/// <summary>
/// Reads a tick message (docs/tick-message.md): key = symbol, value = UTF-8 JSON with symbol,
/// price, size and timestamp. Returns the reason when a message is malformed or invalid, so it
/// can go to the dead-letter topic. Symbol strings are interned per parser, so steady-state
/// parsing allocates nothing per message. Not thread-safe: one parser per input loop.
/// </summary>
internal sealed class TickMessageParser
{
    private const decimal MaxQuantity = 1_000_000_000_000m;
    private readonly Dictionary<string, string> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _symbolLookup;

    public TickMessageParser() => _symbolLookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses one message; on failure <paramref name="error"/> says why and the tick is default.</summary>
    public bool TryParse(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, int partition, long offset, out Tick tick, out string? error)
    {
        tick = default;
        if (!TryGetSymbol(key, out var symbol, out error))
        {
            return false;
        }

        string? bodySymbol = null;
        decimal? price = null, size = null;
        DateTimeOffset? timestamp = null;
        try
        {
            var reader = new Utf8JsonReader(value);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "value is not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("symbol"u8))
                {
                    if (bodySymbol is not null)
                    {
                        error = "symbol appears twice";
                        return false;
                    }

                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(symbol))
                    {
                        error = $"symbol in the value does not equal the key '{symbol}'";
                        return false;
                    }

                    bodySymbol = symbol;
                }
                else if (reader.ValueTextEquals("price"u8))
                {
                    if (price is not null)
                    {
                        error = "price appears twice";
                        return false;
                    }

                    reader.Read();
                    if (!TryReadQuantity(ref reader, "price", out var p, out error))
                    {
                        return false;
                    }

                    price = p;
                }
                else if (reader.ValueTextEquals("size"u8))
                {
                    if (size is not null)
                    {
                        error = "size appears twice";
                        return false;
                    }

                    reader.Read();
                    if (!TryReadQuantity(ref reader, "size", out var s, out error))
                    {
                        return false;
                    }

                    size = s;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    if (timestamp is not null)
                    {
                        error = "timestamp appears twice";
                        return false;
                    }

                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String || !IsUtcTimestampText(reader.ValueSpan) || !reader.TryGetDateTimeOffset(out var t))
                    {
                        error = "timestamp is not YYYY-MM-DDTHH:MM:SS[.fffffff]Z (UTC, with Z)";
                        return false;
                    }

                    timestamp = t;
                }
                else
                {
                    // Unknown fields are allowed, for producers that add their own.
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = "value is not a single JSON object";
                return false;
            }
        }
        catch (JsonException ex)
        {
            error = $"value is not valid JSON: {ex.Message}";
            return false;
        }

        error = (bodySymbol, price, size, timestamp) switch
        {
            (null, _, _, _) => "symbol is missing",
            (_, null, _, _) => "price is missing",
            (_, _, null, _) => "size is missing",
            (_, _, _, null) => "timestamp is missing",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        tick = new Tick(symbol, price!.Value, size!.Value, timestamp!.Value, partition, offset);
        return true;
    }

    private bool TryGetSymbol(ReadOnlySpan<byte> key, out string symbol, out string? error)
    {
        symbol = string.Empty;
        Span<char> chars = stackalloc char[32];
        if (key.IsEmpty || key.Length > chars.Length || Encoding.UTF8.GetCharCount(key) > 16)
        {
            error = "key is not a valid symbol (" + SymbolRules.Description + ")";
            return false;
        }

        var length = Encoding.UTF8.GetChars(key, chars);
        var text = chars[..length];
        if (!_symbolLookup.TryGetValue(text, out var interned))
        {
            var candidate = text.ToString();
            if (!SymbolRules.IsValid(candidate))
            {
                error = $"key '{candidate}' is not a valid symbol ({SymbolRules.Description})";
                return false;
            }

            // Bounded: a flood of distinct symbols must not grow this forever.
            if (_symbols.Count > 100_000)
            {
                _symbols.Clear();
            }

            _symbols[candidate] = candidate;
            interned = candidate;
        }

        symbol = interned;
        error = null;
        return true;
    }

    /// <summary>digits[.digits], at most 28 digits after the point (docs/tick-message.md).</summary>
    private static bool IsPlainDecimalText(ReadOnlySpan<byte> text)
    {
        var point = text.IndexOf((byte)'.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        return whole.Length > 0 && IsDigits(whole)
            && (point < 0 || (fraction.Length is > 0 and <= 28 && IsDigits(fraction)));
    }

    /// <summary>YYYY-MM-DDTHH:MM:SS, optionally .f to .fffffff, then Z: the only form the contract accepts.</summary>
    private static bool IsUtcTimestampText(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || text[^1] != (byte)'Z' || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T'
            || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        if (!IsDigits(text[..4]) || !IsDigits(text[5..7]) || !IsDigits(text[8..10]) || !IsDigits(text[11..13])
            || !IsDigits(text[14..16]) || !IsDigits(text[17..19]))
        {
            return false;
        }

        var rest = text[19..^1];
        return rest.IsEmpty || (rest[0] == (byte)'.' && rest.Length is >= 2 and <= 8 && IsDigits(rest[1..]));
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static bool TryReadQuantity(ref Utf8JsonReader reader, string name, out decimal value, out string? error)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number || !IsPlainDecimalText(reader.ValueSpan) || !reader.TryGetDecimal(out value))
        {
            error = $"{name} is not a plain decimal number (digits, optional point and at most 28 decimals; no sign, no exponent)";
            return false;
        }

        if (value <= 0 || value > MaxQuantity)
        {
            error = $"{name} {value} is outside (0, {MaxQuantity}]";
            return false;
        }

        error = null;
        return true;
    }
}
