namespace Pricing.Grains.Tests.Reference;

/// <summary>
/// ln(price / previous) to better than double precision, for the reference. Taking the ratio in
/// decimal and then Math.Log of it loses most digits of a one-tick move on a large price (the
/// ratio 1.000000025 keeps only ~8 significant digits of its excess over 1 as a double). For
/// small moves, sum the series ln(1 + x) = x - x^2/2 + x^3/3 - ... in decimal instead.
/// </summary>
internal static class PreciseLogReturn
{
    public static double Of(decimal previous, decimal price)
    {
        var x = (price - previous) / previous;
        if (Math.Abs(x) >= 0.01m)
        {
            return Math.Log((double)(price / previous));
        }

        decimal sum = 0, power = x;
        for (var k = 1; k <= 40 && power != 0; k++)
        {
            sum += (k % 2 == 1 ? power : -power) / k;
            power *= x;
        }

        return (double)sum;
    }
}
