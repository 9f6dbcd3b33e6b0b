namespace Pricing.Runtime.Tests.Grains;

[GrainType("timer")]
internal sealed class TimerGrain(GrainProbe probe) : Grain, ITimerGrain
{
    private readonly int _instanceId = probe.NextInstanceId();
    private IDisposable? _timer;
    private int _throwOnTick;
    private int _ticksStarted;
    private int _ticksCompleted;
    private int _inTurn;
    private int _overlaps;

    private string Key => GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.For(Key).Activated(_instanceId);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var history = probe.For(Key);
        history.Deactivated(history.Deactivating(_instanceId, reason));
        return Task.CompletedTask;
    }

    public ValueTask StartTimerAsync(TimerPlan plan)
    {
        _throwOnTick = plan.ThrowOnTick;
        _timer = RegisterGrainTimer(OnTickAsync, plan.DueTime, plan.Period);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopTimerAsync()
    {
        _timer?.Dispose();
        return ValueTask.CompletedTask;
    }

    public async ValueTask PingAsync()
    {
        EnterTurn();
        try
        {
            await Task.Yield();
            await Task.Yield();
        }
        finally
        {
            ExitTurn();
        }
    }

    public ValueTask<TimerReport> GetReportAsync() =>
        ValueTask.FromResult(new TimerReport(Volatile.Read(ref _ticksCompleted), Volatile.Read(ref _overlaps), _instanceId));

    public ValueTask DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        EnterTurn();
        try
        {
            var tick = Interlocked.Increment(ref _ticksStarted);
            probe.For(Key).Ticked(tick);
            await probe.PassAsync($"tick:{Key}:{tick}");
            await Task.Yield();
            if (tick == _throwOnTick)
            {
                throw new GrainFaultException($"tick {tick} of {Key} failed on purpose");
            }

            Interlocked.Increment(ref _ticksCompleted);
        }
        finally
        {
            ExitTurn();
        }
    }

    private void EnterTurn()
    {
        if (Interlocked.Increment(ref _inTurn) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
    }

    private void ExitTurn() => Interlocked.Decrement(ref _inTurn);
}
