using Pricing.Grains;

namespace Pricing.Simulator.Cli.Producing;

/// <summary>
/// Ticks at <c>--rate</c> per wall-clock second, with event times from the simulator's clock
/// (which may run <c>--speed</c> times faster than real time): the same feed the silo's embedded
/// mode uses.
/// </summary>
internal sealed class PacedTickSource(SimulatedFeed feed, TimeProvider timeProvider) : ITickSource
{
    // The pacer decides from the clock, so a shorter wait than it asks for costs nothing; a
    // bounded one keeps a slow rate from sleeping through a long wait in one go.
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(50);

    public async ValueTask<int> NextAsync(Tick[] buffer, int max, CancellationToken cancellationToken)
    {
        var span = buffer.AsMemory(0, Math.Min(buffer.Length, max));
        var count = feed.Poll(span.Span);
        if (count > 0)
            return count;

        var wait = feed.Pacer.TimeUntilNext();
        await Task.Delay(wait < MaxWait ? wait : MaxWait, timeProvider, cancellationToken);
        return 0;
    }
}
