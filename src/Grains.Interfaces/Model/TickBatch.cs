namespace Pricing.Grains;

/// <summary>
/// Ticks of one symbol in input order. The memory belongs to the caller and is reused after
/// the call returns, so a grain copies what it keeps.
/// </summary>
public readonly record struct TickBatch(ReadOnlyMemory<Tick> Ticks)
{
    public int Count => Ticks.Length;
}
