namespace Pricing.Simulator.Cli.Expected;

/// <summary>A malformed message as delivered: where it is, and why it is malformed.</summary>
public sealed record ExpectedBadMessage
{
    public required int Partition { get; init; }

    public required long Offset { get; init; }

    /// <summary>The message key (a valid symbol).</summary>
    public required string Key { get; init; }

    /// <summary>Rule broken: not-json, missing-field, negative-price, symbol-mismatch, bad-timestamp.</summary>
    public required string Kind { get; init; }

    /// <summary>What exactly is wrong, for people.</summary>
    public required string Reason { get; init; }
}
