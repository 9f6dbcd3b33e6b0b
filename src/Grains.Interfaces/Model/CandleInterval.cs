namespace Pricing.Grains;

/// <summary>Candle intervals; buckets are aligned to UTC midnight (1h buckets start on the hour, 4h at 00, 04, 08 ...).</summary>
public enum CandleInterval
{
    OneMinute,
    FiveMinutes,
    FifteenMinutes,
    OneHour,
    FourHours,
    OneDay,
}
