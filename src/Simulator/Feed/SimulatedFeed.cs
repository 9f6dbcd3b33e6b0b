using Pricing.Grains;

namespace Pricing.Simulator;

/// <summary>
/// The simulator, paced and clocked: each <see cref="Poll"/> returns the ticks due since the last
/// one, with event times spread over the event time that passed in between. Both the in-process
/// feed and the Kafka producer drive one of these from a loop; it does no I/O and no waiting itself.
/// Not thread-safe.
/// </summary>
public sealed class SimulatedFeed
{
    private readonly ITickBatchInterceptor? _interceptor;
    private DateTimeOffset _lastEventTime;

    /// <summary>A feed built from <paramref name="options"/>, started now.</summary>
    public SimulatedFeed(SimulatorOptions options, TimeProvider timeProvider, ITickBatchInterceptor? interceptor = null)
        : this(
            new MarketSimulator(options),
            new TickPacer(options.TicksPerSecond, timeProvider, options.MaxBurst),
            new EventClock(timeProvider, options.SimulatedSecondsPerSecond),
            interceptor)
    {
    }

    /// <summary>A feed from its parts, started at the clock's start.</summary>
    public SimulatedFeed(MarketSimulator simulator, TickPacer pacer, EventClock clock, ITickBatchInterceptor? interceptor = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(pacer);
        ArgumentNullException.ThrowIfNull(clock);
        Simulator = simulator;
        Pacer = pacer;
        Clock = clock;
        _interceptor = interceptor;
        _lastEventTime = clock.Start;
    }

    public MarketSimulator Simulator { get; }

    public TickPacer Pacer { get; }

    public EventClock Clock { get; }

    /// <summary>
    /// Writes the ticks due now into the start of <paramref name="buffer"/> and returns how many.
    /// A buffer of <see cref="TickPacer.MaxBurst"/> ticks never leaves any due.
    /// </summary>
    public int Poll(Span<Tick> buffer)
    {
        var count = Pacer.Take(buffer.Length);
        if (count == 0)
            return 0;

        var now = Clock.GetNow();
        var batch = buffer[..count];
        Simulator.Fill(batch, _lastEventTime, now);
        _lastEventTime = now;
        _interceptor?.Intercept(batch);
        return count;
    }
}
