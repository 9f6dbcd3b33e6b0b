namespace Pricing.Runtime.Tests.Grains;

/// <summary>
/// Runs a grain timer and checks that its ticks never overlap each other or a call.
/// Tick N passes the probe's blocker "tick:KEY:N".
/// </summary>
public interface ITimerGrain : IGrainWithStringKey
{
    ValueTask StartTimerAsync(TimerPlan plan);

    ValueTask StopTimerAsync();

    /// <summary>A call that yields inside its turn, so an overlapping tick would be seen.</summary>
    ValueTask PingAsync();

    ValueTask<TimerReport> GetReportAsync();

    ValueTask DeactivateOnIdleAsync();
}

public sealed record TimerReport(int TicksCompleted, int Overlaps, int InstanceId);
