namespace Pricing.Simulator.Cli.Expected;

/// <summary>
/// What a correct exactly-once consumer of a topic must end with, computed by <c>pricing-sim
/// produce --expected FILE</c> from the ticks it produced (docs/tick-message.md describes the file).
/// Read it with <see cref="ExpectedResultsFile.ReadAsync(string, CancellationToken)"/>.
/// </summary>
public sealed record ExpectedResults
{
    /// <summary>The topic the ticks were produced to.</summary>
    public required string Topic { get; init; }

    /// <summary>Partitions of the topic when the run ended; null if the broker did not say.</summary>
    public int? Partitions { get; init; }

    /// <summary>The simulator's seed: the same seed, start and options give the same ticks.</summary>
    public required int Seed { get; init; }

    /// <summary>Good ticks produced (malformed messages not included).</summary>
    public required long TotalTicks { get; init; }

    /// <summary>The malformed messages, by partition and offset: each must end up in the dead-letter topic.</summary>
    public required IReadOnlyList<ExpectedBadMessage> BadMessages { get; init; }

    /// <summary>Per symbol, ordinal order: counts, sums, last price and candles.</summary>
    public required IReadOnlyDictionary<string, ExpectedSymbol> Symbols { get; init; }
}
