namespace Pricing.Runtime.Tests.Grains;

internal sealed class TimerGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), ITimerGrain
{
    public ValueTask StartTimerAsync(TimerPlan plan) =>
        InvokeAsync<ITimerGrain>(grain => grain.StartTimerAsync(plan));

    public ValueTask StopTimerAsync() =>
        InvokeAsync<ITimerGrain>(static grain => grain.StopTimerAsync());

    public ValueTask PingAsync() =>
        InvokeAsync<ITimerGrain>(static grain => grain.PingAsync());

    public ValueTask<TimerReport> GetReportAsync() =>
        InvokeAsync<ITimerGrain, TimerReport>(static grain => grain.GetReportAsync());

    public ValueTask DeactivateOnIdleAsync() =>
        InvokeAsync<ITimerGrain>(static grain => grain.DeactivateOnIdleAsync());
}
