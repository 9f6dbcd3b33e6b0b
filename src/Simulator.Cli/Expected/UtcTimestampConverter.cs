using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// Writes timestamps as ISO-8601 UTC with a 'Z' and only the fractional digits needed
/// ("2026-11-22T02:18:29.123Z"), like the tick messages, instead of the default "+00:00".
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
