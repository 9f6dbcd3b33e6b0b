namespace Pricing.Simulator;

/// <summary>
/// Event time of the simulated market: starts at <see cref="Start"/> and runs
/// <see cref="SimulatedSecondsPerSecond"/> times as fast as the <see cref="TimeProvider"/>'s
/// monotonic clock, so it never goes backwards even if the wall clock is adjusted.
/// </summary>
public sealed class EventClock
{
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;

    /// <param name="timeProvider">Source of time.</param>
    /// <param name="simulatedSecondsPerSecond">Speed-up, positive; 1 is real time.</param>
    /// <param name="start">Event time now; default the provider's UTC now.</param>
    public EventClock(TimeProvider timeProvider, double simulatedSecondsPerSecond = 1, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!double.IsFinite(simulatedSecondsPerSecond) || simulatedSecondsPerSecond <= 0)
            throw new ArgumentOutOfRangeException(nameof(simulatedSecondsPerSecond), simulatedSecondsPerSecond, "The speed-up must be positive.");

        _timeProvider = timeProvider;
        SimulatedSecondsPerSecond = simulatedSecondsPerSecond;
        Start = (start ?? timeProvider.GetUtcNow()).ToUniversalTime();
        _startTimestamp = timeProvider.GetTimestamp();
    }

    /// <summary>Event time when the clock was created.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Event seconds per second of the time provider.</summary>
    public double SimulatedSecondsPerSecond { get; }

    /// <summary>The current event time.</summary>
    public DateTimeOffset GetNow()
    {
        var elapsed = _timeProvider.GetElapsedTime(_startTimestamp);
        return Start + TimeSpan.FromTicks((long)(elapsed.Ticks * SimulatedSecondsPerSecond));
    }
}
