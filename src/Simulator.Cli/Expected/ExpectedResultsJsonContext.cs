using System.Text.Json.Serialization;

namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// Source-generated serialisation of the expected-results file. Decimals go through
/// <c>Utf8JsonWriter.WriteNumberValue(decimal)</c> and <c>Utf8JsonReader.GetDecimal()</c>, so
/// they round-trip digit for digit.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(ExpectedResults))]
internal sealed partial class ExpectedResultsJsonContext : JsonSerializerContext;
