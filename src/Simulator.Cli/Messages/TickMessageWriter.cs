using System.Buffers;
using System.Text.Json;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Messages;

/// <summary>
/// Writes a tick as the value of a tick message:
/// <c>{"symbol":"AAPL","price":189.23,"size":100,"timestamp":"2026-11-22T02:18:29.123Z"}</c>.
/// Decimals are written with their own digits (189.20 stays 189.20, never an exponent) and the
/// timestamp in UTC with 0-7 fractional digits, so the consumer gets back exactly the tick that
/// was produced. One buffer is reused for every message; not thread-safe.
/// </summary>
public sealed class TickMessageWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(128);
    private readonly Utf8JsonWriter _json;

    /// <summary>A writer with its own reusable buffer.</summary>
    public TickMessageWriter()
    {
        // The writer only ever emits one flat object of known fields, so validation buys nothing.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>
    /// The message value of <paramref name="tick"/>. The span is valid until the next call: copy
    /// it (Kafka's client copies it when producing) before writing the next tick.
    /// </summary>
    /// <exception cref="ArgumentException">Price or size is not positive or above <see cref="TickMessageFormat.MaxAmount"/>.</exception>
    public ReadOnlySpan<byte> Write(in Tick tick)
    {
        if (!TickMessageFormat.IsValidAmount(tick.Price))
            throw new ArgumentException($"Price {tick.Price} of {tick.Symbol} is outside (0, {TickMessageFormat.MaxAmount}].", nameof(tick));
        if (!TickMessageFormat.IsValidAmount(tick.Size))
            throw new ArgumentException($"Size {tick.Size} of {tick.Symbol} is outside (0, {TickMessageFormat.MaxAmount}].", nameof(tick));

        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString(TickMessageFormat.Symbol, tick.Symbol);
        _json.WriteNumber(TickMessageFormat.Price, tick.Price);
        _json.WriteNumber(TickMessageFormat.Size, tick.Size);
        // A UTC DateTime is written ISO-8601 with a 'Z' and only the fractional digits it needs.
        _json.WriteString(TickMessageFormat.Timestamp, tick.Timestamp.UtcDateTime);
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();
}
