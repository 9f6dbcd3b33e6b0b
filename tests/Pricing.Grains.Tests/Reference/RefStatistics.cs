namespace Pricing.Grains.Tests.Reference;

/// <summary>Open, high, low and volume of the rolling 24h window.</summary>
internal readonly record struct RefDayRange(decimal Open, decimal High, decimal Low, decimal Volume);

/// <summary>A rolling VWAP and how many trades it holds.</summary>
internal readonly record struct RefVwap(decimal? Value, int Count);

/// <summary>Sample standard deviation of log returns; <see cref="ReturnScale"/> is the largest |return| in or recently out of the window (for failure messages).</summary>
internal readonly record struct RefVolatility(double? StdDev, int Count, double ReturnScale);
