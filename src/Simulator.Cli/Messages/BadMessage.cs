namespace Pricing.Simulator.Cli.Messages;

/// <summary>A malformed message to inject: its key, its raw value, and why it is malformed.</summary>
/// <param name="Key">A valid symbol, so the message lands in that symbol's partition among its good ticks.</param>
/// <param name="Value">The raw value; may be invalid UTF-8 or empty.</param>
/// <param name="Kind">Which rule it breaks.</param>
/// <param name="Reason">What exactly is wrong, for people reading the expected-results file.</param>
public sealed record BadMessage(string Key, byte[] Value, BadMessageKind Kind, string Reason);
