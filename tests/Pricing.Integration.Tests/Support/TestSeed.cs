using System.Globalization;
using System.Security.Cryptography;

namespace Pricing.Integration.Tests.Support;

/// <summary>The seed of a test's random choices (kill moments, simulator seeds): random, or PRICING_TEST_SEED to repeat a run.</summary>
internal static class TestSeed
{
    public const string Variable = "PRICING_TEST_SEED";

    public static int Choose() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
