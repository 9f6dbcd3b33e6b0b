using Microsoft.Extensions.Logging;

namespace Pricing.Runtime.Core;

/// <summary>
/// A timer whose callback runs as a turn of its activation. The next tick is scheduled only
/// after the callback has finished, so ticks never overlap each other or a call.
/// </summary>
internal sealed class GrainTimer(GrainRuntime runtime, GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan period)
    : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;

    public void Start(TimeSpan dueTime) =>
        _timer = runtime.Time.CreateTimer(static state => _ = ((GrainTimer)state!).TickAsync(), this, dueTime, Timeout.InfiniteTimeSpan);

    private async Task TickAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await runtime.RunTimerTurnAsync(activation, callback, _disposed.Token);
        }
        catch (Exception ex)
        {
            runtime.Logger.LogError(ex, "A timer of {GrainId} failed", activation.GrainId);
        }

        if (!_disposed.IsCancellationRequested)
        {
            try
            {
                _timer?.Change(period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the change: nothing to schedule.
            }
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer?.Dispose();
        activation.RemoveTimer(this);
    }
}
