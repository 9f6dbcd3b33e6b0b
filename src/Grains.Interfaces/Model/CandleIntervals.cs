namespace Pricing.Grains;

/// <summary>Names, lengths and bucket arithmetic of <see cref="CandleInterval"/>.</summary>
public static class CandleIntervals
{
    /// <summary>All intervals, shortest first.</summary>
    public static IReadOnlyList<CandleInterval> All { get; } = Enum.GetValues<CandleInterval>();

    /// <summary>The names the API accepts, in order: 1m, 5m, 15m, 1h, 4h, 1d.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(ToName)];

    public static string ToName(this CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => "1m",
        CandleInterval.FiveMinutes => "5m",
        CandleInterval.FifteenMinutes => "15m",
        CandleInterval.OneHour => "1h",
        CandleInterval.FourHours => "4h",
        CandleInterval.OneDay => "1d",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    public static TimeSpan ToTimeSpan(this CandleInterval interval) => interval switch
    {
        CandleInterval.OneMinute => TimeSpan.FromMinutes(1),
        CandleInterval.FiveMinutes => TimeSpan.FromMinutes(5),
        CandleInterval.FifteenMinutes => TimeSpan.FromMinutes(15),
        CandleInterval.OneHour => TimeSpan.FromHours(1),
        CandleInterval.FourHours => TimeSpan.FromHours(4),
        CandleInterval.OneDay => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    public static bool TryParse(string? name, out CandleInterval interval)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                interval = All[i];
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>Start (inclusive) of the bucket holding <paramref name="utcTicks"/>, in UTC ticks.</summary>
    public static long BucketStartTicks(this CandleInterval interval, long utcTicks)
    {
        var length = interval.ToTimeSpan().Ticks;
        return utcTicks - (utcTicks % length);
    }

    /// <summary>Start (inclusive) of the bucket holding <paramref name="timestamp"/>.</summary>
    public static DateTimeOffset BucketStart(this CandleInterval interval, DateTimeOffset timestamp) =>
        new(interval.BucketStartTicks(timestamp.UtcTicks), TimeSpan.Zero);
}
