namespace Pricing.Grains.Tests;

/// <summary>Hand-written cases of the tick-count windows: SMA, EMA and tick VWAP.</summary>
public sealed class TickWindowTests
{
    [Fact]
    public void The_sma_is_the_mean_of_fewer_prices_until_the_period_is_full_then_of_the_last_period()
    {
        var sma = new SimpleMovingAverage(3);
        Assert.Null(sma.Value);

        sma.Add(1m);
        sma.Add(2m);
        Assert.Equal((1.5m, 2), (sma.Value, sma.Count));

        sma.Add(3m);
        sma.Add(10m);
        Assert.Equal((5m, 3), (sma.Value, sma.Count));
    }

    [Fact]
    public void The_ema_is_seeded_with_the_first_price_and_smooths_with_two_over_period_plus_one()
    {
        var ema = new ExponentialMovingAverage(3); // alpha 0.5
        Assert.Null(ema.Value);

        ema.Add(10m);
        Assert.Equal(10.0, ema.Value);
        ema.Add(20m);
        Assert.Equal(15.0, ema.Value);
        ema.Add(30m);
        Assert.Equal(22.5, ema.Value);
        Assert.Equal(3, ema.Count);
    }

    [Fact]
    public void An_ema_of_period_one_is_the_last_price()
    {
        var ema = new ExponentialMovingAverage(1);
        foreach (var price in new[] { 10m, 12.5m, 11m })
        {
            ema.Add(price);
        }

        Assert.Equal(11.0, ema.Value);
    }

    [Fact]
    public void The_tick_vwap_weighs_the_last_n_ticks_by_size()
    {
        var vwap = new TickWindowVwap(2);
        Assert.Null(vwap.Value);

        vwap.Add(10m, 1m);
        vwap.Add(20m, 3m);
        Assert.Equal(17.5m, vwap.Value);

        vwap.Add(40m, 1m);
        Assert.Equal((25m, 2), (vwap.Value, vwap.Count)); // (20 * 3 + 40 * 1) / 4
    }
}
