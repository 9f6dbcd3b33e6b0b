namespace Pricing.Simulator.Sampling;

/// <summary>Rounds a simulated price to a published one.</summary>
internal static class PriceUnits
{
    // Keeps units * 10^-decimals well inside decimal and long range whatever the path does.
    private const double MaxUnits = 1e17;

    private static readonly double[] s_powersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

    /// <summary>
    /// The price rounded to <paramref name="decimals"/>, never below one tick, with exactly that
    /// many decimals in its scale so it prints as a feed would ("230.10", not "230.1").
    /// </summary>
    public static decimal ToDecimal(double price, int decimals)
    {
        var units = Math.Round(price * s_powersOfTen[decimals], MidpointRounding.ToEven);
        // "!(units >= 1)" also catches NaN.
        if (!(units >= 1))
            units = 1;
        else if (units > MaxUnits)
            units = MaxUnits;

        var whole = (ulong)units;
        return new decimal(unchecked((int)(uint)whole), unchecked((int)(uint)(whole >> 32)), 0, false, (byte)decimals);
    }
}
