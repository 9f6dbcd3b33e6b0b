using System.Text.Json;

namespace Pricing.Simulator.Cli.Messages;

/// <summary>
/// Names and limits of the tick message format (docs/tick-message.md): key = the symbol in UTF-8,
/// value = a UTF-8 JSON object with <c>symbol</c>, <c>price</c>, <c>size</c> and <c>timestamp</c>.
/// </summary>
public static class TickMessageFormat
{
    /// <summary>Largest price or size a message may carry.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Most fractional digits of a timestamp's seconds (.NET's tick resolution, 100 ns).</summary>
    public const int MaxFractionDigits = 7;

    /// <summary>Dead-letter topic the silo writes malformed messages to.</summary>
    public const string DeadLetterTopic = "ticks.dlq";

    internal static readonly JsonEncodedText Symbol = JsonEncodedText.Encode("symbol");
    internal static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    internal static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
    internal static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");

    /// <summary>True when <paramref name="amount"/> is a valid price or size: positive, at most <see cref="MaxAmount"/>.</summary>
    public static bool IsValidAmount(decimal amount) => amount > 0 && amount <= MaxAmount;
}
