namespace Pricing.Grains.Analytics;

/// <summary>Told when a closed candle is produced or amended, so it can be written to history.</summary>
internal interface ICandleChangeSink
{
    void OnClosedCandleChanged(CandleInterval interval, in CandleBar bar);
}
