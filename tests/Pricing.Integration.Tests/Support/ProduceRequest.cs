namespace Pricing.Integration.Tests.Support;

/// <summary>One <c>pricing-sim produce</c> run: what to produce, how fast, and where event time starts.</summary>
/// <param name="Count">Good ticks.</param>
/// <param name="Symbols">A count N (the simulator's first N symbols: built-in ones, then S0051, ...) or a comma-separated list.</param>
/// <param name="Seed">Simulator seed: same seed and options, same ticks.</param>
/// <param name="Start">Event time of the first tick.</param>
/// <param name="Rate">Ticks per wall-clock second; 0 = as fast as possible.</param>
/// <param name="EventRate">With <paramref name="Rate"/> 0: ticks per event-time second.</param>
/// <param name="BadMessages">Malformed messages mixed in (they go to the dead-letter topic).</param>
internal sealed record ProduceRequest(long Count, string Symbols, int Seed, DateTimeOffset Start, double Rate = 0, double EventRate = 1000, int BadMessages = 0);
