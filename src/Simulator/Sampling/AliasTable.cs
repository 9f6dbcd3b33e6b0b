namespace Pricing.Simulator.Sampling;

/// <summary>
/// Walker's alias method (Vose's construction): picks index i with probability weight[i] / sum in
/// constant time from one uniform number, allocating nothing per pick.
/// </summary>
internal sealed class AliasTable
{
    private readonly double[] _keep;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
            throw new ArgumentException("At least one weight is needed.", nameof(weights));

        var sum = 0.0;
        foreach (var w in weights)
            sum += w;

        _keep = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0)
                small[smallCount++] = i;
            else
                large[largeCount++] = i;
        }

        // Each under-full column is topped up from an over-full one, which then moves to the list it now belongs to.
        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[--largeCount];
            _keep[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0)
                small[smallCount++] = l;
            else
                large[largeCount++] = l;
        }

        // What is left is full up to rounding error.
        while (largeCount > 0)
            SetFull(large[--largeCount]);
        while (smallCount > 0)
            SetFull(small[--smallCount]);
    }

    public int Count => _keep.Length;

    /// <summary>An index drawn by weight, from <paramref name="uniform"/> in [0, 1).</summary>
    public int Sample(double uniform)
    {
        var x = uniform * _keep.Length;
        var column = Math.Min((int)x, _keep.Length - 1);
        return x - column < _keep[column] ? column : _alias[column];
    }

    private void SetFull(int column)
    {
        _keep[column] = 1.0;
        _alias[column] = column;
    }
}
