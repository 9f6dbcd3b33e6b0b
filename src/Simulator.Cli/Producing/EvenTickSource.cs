using Pricing.Grains;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Ticks as fast as the caller takes them, with event times spread evenly at a nominal
/// <c>--event-rate</c>: tick i is at start + i / rate, whatever the wall clock does. So a fast
/// run still spans minutes or hours of event time, and the same seed gives the same ticks.
/// </summary>
internal sealed class EvenTickSource(MarketSimulator simulator, DateTimeOffset start, double eventsPerSecond) : ITickSource
{
    private readonly long _startTicks = start.UtcTicks;
    private readonly double _ticksPerEvent = TimeSpan.TicksPerSecond / eventsPerSecond;
    private long _index;

    public ValueTask<int> NextAsync(Tick[] buffer, int max, CancellationToken cancellationToken)
    {
        var count = Math.Min(buffer.Length, max);
        for (var i = 0; i < count; i++)
        {
            // From the index, not by adding a step per tick, so rounding never accumulates.
            var offset = (long)(_index++ * _ticksPerEvent);
            buffer[i] = simulator.Next(new DateTimeOffset(_startTicks + offset, TimeSpan.Zero));
        }

        return ValueTask.FromResult(count);
    }
}
