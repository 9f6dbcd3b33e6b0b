namespace Pricing.Grains;

/// <summary>A page of results, newest first, and the cursor for the next (older) page; null when there is none.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
