namespace Pricing.Grains.Tests.Reference;

/// <summary>A tick the reference applied, with its arrival position (0 = first applied).</summary>
internal readonly record struct AppliedTick(int Arrival, decimal Price, decimal Size, long UtcTicks);
