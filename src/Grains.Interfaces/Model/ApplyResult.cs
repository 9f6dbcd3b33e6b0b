namespace Pricing.Grains;

/// <summary>What applying a batch did.</summary>
/// <param name="Applied">Ticks applied.</param>
/// <param name="Duplicates">Ticks skipped because their offset was already applied (replay after a crash or rebalance).</param>
/// <param name="Sequence">The symbol's sequence number after the batch.</param>
public readonly record struct ApplyResult(int Applied, int Duplicates, long Sequence);
