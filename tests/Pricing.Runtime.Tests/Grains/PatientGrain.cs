namespace Pricing.Runtime.Tests.Grains;

/// <summary>Blocker it passes: "deactivate:KEY", raced against the deactivation token.</summary>
[GrainType("patient")]
internal sealed class PatientGrain(GrainProbe probe) : Grain, IPatientGrain
{
    private readonly int _instanceId = probe.NextInstanceId();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.For(GetPrimaryKeyString()).Activated(_instanceId);
        return Task.CompletedTask;
    }

    public ValueTask PingAsync() => ValueTask.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var history = probe.For(GetPrimaryKeyString());
        var deactivation = history.Deactivating(_instanceId, reason);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
        await Task.WhenAny(cancelled.Task, probe.PassAsync($"deactivate:{GetPrimaryKeyString()}"));
        deactivation.TokenCancelled = cancellationToken.IsCancellationRequested;
        history.Deactivated(deactivation);
    }
}
