using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Messages;

/// <summary>
/// Builds malformed messages from a real tick, each breaking exactly one rule of the format, with
/// variants that a lenient parser would be tempted to accept (a timestamp without a zone, an
/// 8-digit fraction, a number instead of a string). Deterministic for a given random source.
/// </summary>
internal sealed class BadMessageFactory(Random random)
{
    private static readonly string[] Fields = ["symbol", "price", "size", "timestamp"];

    /// <summary>A message of <paramref name="kind"/> derived from <paramref name="template"/>.</summary>
    /// <param name="kind">The rule to break.</param>
    /// <param name="template">A good tick: the key is its symbol, the other fields are its values.</param>
    /// <param name="otherSymbol">A valid symbol different from the template's, for <see cref="BadMessageKind.SymbolMismatch"/>.</param>
    public BadMessage Create(BadMessageKind kind, Tick template, string otherSymbol) => kind switch
    {
        BadMessageKind.NotJson => NotJson(template),
        BadMessageKind.MissingField => MissingField(template),
        BadMessageKind.NegativePrice => Message(template, BadMessageKind.NegativePrice, "negative price",
            json => WriteAll(json, template.Symbol, -template.Price, template.Size, template.Timestamp)),
        BadMessageKind.SymbolMismatch => SymbolMismatch(template, otherSymbol),
        BadMessageKind.BadTimestamp => BadTimestamp(template),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private BadMessage NotJson(Tick template)
    {
        (string Reason, byte[] Value) variant = random.Next(4) switch
        {
            0 => ("not JSON: plain text", Encoding.UTF8.GetBytes(
                string.Create(CultureInfo.InvariantCulture, $"{template.Symbol} {template.Price} x {template.Size}"))),
            // 0xC3 0x28 is an invalid two-byte sequence and 0xFF never occurs in UTF-8: the DLQ must base64 this value.
            1 => ("not JSON: invalid UTF-8", [0x7B, 0xC3, 0x28, 0xFF, 0xFE, 0x7D]),
            2 => ("not JSON: truncated object", Truncated(template)),
            _ => ("not JSON: empty value", []),
        };
        return new BadMessage(template.Symbol, variant.Value, BadMessageKind.NotJson, variant.Reason);
    }

    private static byte[] Truncated(Tick template)
    {
        var whole = Json(json => WriteAll(json, template.Symbol, template.Price, template.Size, template.Timestamp));
        // Cut inside the timestamp string: neither the string nor the object is closed.
        return whole[..^8];
    }

    private BadMessage MissingField(Tick template)
    {
        var missing = Fields[random.Next(Fields.Length)];
        return Message(template, BadMessageKind.MissingField, $"missing field: {missing}", json =>
        {
            json.WriteStartObject();
            if (missing != "symbol") json.WriteString("symbol", template.Symbol);
            if (missing != "price") json.WriteNumber("price", template.Price);
            if (missing != "size") json.WriteNumber("size", template.Size);
            if (missing != "timestamp") json.WriteString("timestamp", template.Timestamp.UtcDateTime);
            json.WriteEndObject();
        });
    }

    private static BadMessage SymbolMismatch(Tick template, string otherSymbol)
    {
        if (otherSymbol == template.Symbol || !SymbolRules.IsValid(otherSymbol))
            throw new ArgumentException($"'{otherSymbol}' must be a valid symbol other than '{template.Symbol}'.", nameof(otherSymbol));

        return Message(template, BadMessageKind.SymbolMismatch, $"symbol {otherSymbol} in a message keyed {template.Symbol}",
            json => WriteAll(json, otherSymbol, template.Price, template.Size, template.Timestamp));
    }

    private BadMessage BadTimestamp(Tick template)
    {
        var utc = template.Timestamp.UtcDateTime;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var (reason, timestamp) = random.Next(4) switch
        {
            0 => ("timestamp without zone designator", seconds + ".123"),
            1 => ("timestamp with month 13", utc.ToString("yyyy'-13-'dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            2 => ("timestamp with 8 fractional digits", seconds + ".12345678Z"),
            _ => ("timestamp as a number", (string?)null),
        };

        return Message(template, BadMessageKind.BadTimestamp, reason, json =>
        {
            json.WriteStartObject();
            json.WriteString("symbol", template.Symbol);
            json.WriteNumber("price", template.Price);
            json.WriteNumber("size", template.Size);
            if (timestamp is null)
                json.WriteNumber("timestamp", template.Timestamp.ToUnixTimeMilliseconds());
            else
                json.WriteString("timestamp", timestamp);
            json.WriteEndObject();
        });
    }

    private static BadMessage Message(Tick template, BadMessageKind kind, string reason, Action<Utf8JsonWriter> write) =>
        new(template.Symbol, Json(write), kind, reason);

    private static void WriteAll(Utf8JsonWriter json, string symbol, decimal price, decimal size, DateTimeOffset timestamp)
    {
        json.WriteStartObject();
        json.WriteString("symbol", symbol);
        json.WriteNumber("price", price);
        json.WriteNumber("size", size);
        json.WriteString("timestamp", timestamp.UtcDateTime);
        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
