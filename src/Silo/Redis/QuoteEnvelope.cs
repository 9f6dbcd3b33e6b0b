using Pricing.Grains;

namespace Pricing.Silo.Redis;

/// <summary>A quote on the shared channel, with the silo that published it (a silo ignores its own).</summary>
internal sealed record QuoteEnvelope(string Silo, Quote Quote);
