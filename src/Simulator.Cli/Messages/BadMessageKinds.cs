namespace Pricing.Simulator.Cli.Messages;

/// <summary>Stable names of <see cref="BadMessageKind"/> as written to the expected-results file.</summary>
public static class BadMessageKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<BadMessageKind> All { get; } = Enum.GetValues<BadMessageKind>();

    /// <summary>The kebab-case name: not-json, missing-field, negative-price, symbol-mismatch, bad-timestamp.</summary>
    public static string ToName(this BadMessageKind kind) => kind switch
    {
        BadMessageKind.NotJson => "not-json",
        BadMessageKind.MissingField => "missing-field",
        BadMessageKind.NegativePrice => "negative-price",
        BadMessageKind.SymbolMismatch => "symbol-mismatch",
        BadMessageKind.BadTimestamp => "bad-timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
