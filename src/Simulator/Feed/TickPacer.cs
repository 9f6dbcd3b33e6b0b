namespace Pricing.Simulator;

/// <summary>
/// Tells a feed loop how many ticks are due, so that waking every few milliseconds yields
/// <see cref="TicksPerSecond"/> on average. The count is derived from the time elapsed since the
/// pacer started rather than summed per call, so fractions carry over and rounding never drifts.
/// After a stall at most <see cref="MaxBurst"/> ticks are due at once; the rest are skipped, not
/// owed. Uses the monotonic timestamp of the <see cref="TimeProvider"/>; not thread-safe.
/// </summary>
public sealed class TickPacer
{
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;

    // Ticks handed out plus ticks skipped: the schedule position already accounted for.
    private long _accounted;

    /// <param name="ticksPerSecond">Average rate, positive.</param>
    /// <param name="timeProvider">Source of time; tests pass a manual one.</param>
    /// <param name="maxBurst">Most time's worth of ticks due at once; default one second.</param>
    public TickPacer(double ticksPerSecond, TimeProvider timeProvider, TimeSpan? maxBurst = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!double.IsFinite(ticksPerSecond) || ticksPerSecond <= 0)
            throw new ArgumentOutOfRangeException(nameof(ticksPerSecond), ticksPerSecond, "The rate must be positive.");
        var burst = maxBurst ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(burst, TimeSpan.Zero, nameof(maxBurst));

        TicksPerSecond = ticksPerSecond;
        _timeProvider = timeProvider;
        // At least one, so a slow rate with a short burst still produces.
        MaxBurst = (int)Math.Clamp(Math.Floor(ticksPerSecond * burst.TotalSeconds), 1, int.MaxValue);
        _startTimestamp = timeProvider.GetTimestamp();
    }

    /// <summary>The average rate.</summary>
    public double TicksPerSecond { get; }

    /// <summary>Most ticks due at once, however long the caller stalled.</summary>
    public int MaxBurst { get; }

    /// <summary>Ticks handed out by <see cref="Take"/> so far.</summary>
    public long Produced { get; private set; }

    /// <summary>Ticks dropped by the burst cap so far: how far the feed fell behind.</summary>
    public long Skipped { get; private set; }

    /// <summary>
    /// How many ticks to produce now, at most <paramref name="max"/>; the caller is taken to produce
    /// them. Ticks beyond <paramref name="max"/> stay due for the next call.
    /// </summary>
    public int Take(int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var due = Scheduled() - _accounted;
        if (due > MaxBurst)
        {
            Skipped += due - MaxBurst;
            _accounted += due - MaxBurst;
            due = MaxBurst;
        }

        var take = (int)Math.Min(due, max);
        Produced += take;
        _accounted += take;
        return take;
    }

    /// <summary>Time until at least one tick is due; zero when one already is.</summary>
    public TimeSpan TimeUntilNext()
    {
        var elapsed = _timeProvider.GetTimestamp() - _startTimestamp;
        if (Scheduled(elapsed) > _accounted)
            return TimeSpan.Zero;

        // First timestamp at which the schedule reaches the next tick; at least one TimeSpan tick,
        // so a caller never spins on a zero wait when floating-point rounding lands just short.
        var dueAt = Math.Ceiling((double)(_accounted + 1) * _timeProvider.TimestampFrequency / TicksPerSecond);
        var wait = (dueAt - elapsed) * TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency;
        return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(wait)));
    }

    private long Scheduled() => Scheduled(_timeProvider.GetTimestamp() - _startTimestamp);

    // Multiplying before dividing keeps whole results exact (e.g. 0.3 s at 2000/s is 600, not 599).
    private long Scheduled(long elapsed) =>
        (long)Math.Floor(elapsed * TicksPerSecond / _timeProvider.TimestampFrequency);
}
