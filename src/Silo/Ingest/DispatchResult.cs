namespace Pricing.Silo.Ingest;

/// <summary>What a batch did: ticks applied, ticks skipped as already applied, and the symbols it touched.</summary>
public readonly record struct DispatchResult(int Applied, int Duplicates, int Symbols);
