namespace Pricing.Web.Hubs;

internal static class InterlockedMax
{
    /// <summary>Raises <paramref name="location"/> to <paramref name="value"/> if it is lower; a commutative update two threads may race on.</summary>
    public static void Raise(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
