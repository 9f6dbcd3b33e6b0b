namespace Pricing.Grains.Tests.Reference;

/// <summary>A tick the reference applied; its position in the reference's list is its arrival order.</summary>
internal readonly record struct AppliedTick(decimal Price, decimal Size, long UtcTicks);
