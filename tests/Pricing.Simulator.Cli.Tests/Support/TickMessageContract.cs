using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pricing.Grains;

namespace Pricing.Simulator.Cli.Tests.Support;

/// <summary>
/// The rules of docs/tick-message.md, written again independently of the CLI's writer so that
/// tests check the writer (and the malformed messages) against the documented contract rather
/// than against itself. This is what the silo's ingest must accept and reject.
/// </summary>
internal static partial class TickMessageContract
{
    private static readonly string[] Fields = ["symbol", "price", "size", "timestamp"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a message; false with a reason when it is malformed.</summary>
    public static bool TryParse(byte[]? key, byte[]? value, out Tick tick, out string reason)
    {
        tick = default;
        if (!TryDecode(key, out var symbolKey) || !SymbolPattern().IsMatch(symbolKey))
            return Fail("key is not a valid symbol", out reason);
        if (!TryDecode(value, out var text))
            return Fail("value is not UTF-8", out reason);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Fail("value is not JSON", out reason);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail("value is not a JSON object", out reason);
            var named = root.EnumerateObject().Select(p => p.Name).Where(Fields.Contains).ToList();
            if (named.Count != named.Distinct(StringComparer.Ordinal).Count())
                return Fail("a field appears twice", out reason);
            if (!root.TryGetProperty("symbol", out var symbol) || symbol.ValueKind != JsonValueKind.String)
                return Fail("symbol missing", out reason);
            if (symbol.GetString() != symbolKey)
                return Fail("symbol differs from key", out reason);
            if (!TryAmount(root, "price", out var price, out reason) || !TryAmount(root, "size", out var size, out reason))
                return false;
            if (!root.TryGetProperty("timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.String)
                return Fail("timestamp missing or not a string", out reason);
            if (!TryTimestamp(timestamp.GetString()!, out var time))
                return Fail("timestamp is not ISO-8601 UTC", out reason);

            tick = new Tick(symbolKey, price, size, time, 0, 0);
            reason = string.Empty;
            return true;
        }
    }

    private static bool TryAmount(JsonElement root, string name, out decimal amount, out string reason)
    {
        amount = 0;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number)
            return Fail($"{name} missing or not a number", out reason);

        // The raw text: a plain decimal, no sign, no exponent.
        var raw = element.GetRawText();
        if (!PlainDecimal().IsMatch(raw) || !decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
            return Fail($"{name} is not a plain positive decimal", out reason);
        if (amount <= 0 || amount > 1_000_000_000_000m)
            return Fail($"{name} out of range", out reason);

        reason = string.Empty;
        return true;
    }

    private static bool TryTimestamp(string text, out DateTimeOffset time)
    {
        time = default;
        if (!IsoUtc().IsMatch(text))
            return false;

        // The pattern fixes the shape; parsing checks the calendar (month 13, February 30 ...).
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return false;

        time = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static bool TryDecode(byte[]? bytes, out string text)
    {
        text = string.Empty;
        if (bytes is null)
            return false;
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]{1,28})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoUtc();
}
