namespace Pricing.Runtime.Tests.Grains;

/// <summary>
/// Reports its life to the probe; writes its state on deactivation when the reason allows it.
/// Blockers it passes: "activate:KEY" in OnActivateAsync, "deactivate:KEY" in OnDeactivateAsync.
/// </summary>
[GrainType("counter")]
[StorageProvider(ProviderName = CountingGrainStorage.Name)]
internal sealed class CounterGrain(GrainProbe probe) : Grain<CounterState>, ICounterGrain
{
    private readonly int _instanceId = probe.NextInstanceId();

    private string Key => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await probe.PassAsync($"activate:{Key}");
        probe.For(Key).Activated(_instanceId);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var history = probe.For(Key);
        var deactivation = history.Deactivating(_instanceId, reason);
        try
        {
            await probe.PassAsync($"deactivate:{Key}");
            if (reason.MayWriteState)
            {
                await WriteStateAsync();
                deactivation.WroteState = true;
            }
        }
        finally
        {
            history.Deactivated(deactivation);
        }
    }

    public ValueTask<int> AddAsync(int amount)
    {
        State.Count += amount;
        return ValueTask.FromResult(State.Count);
    }

    public ValueTask<CounterSnapshot> GetAsync() => ValueTask.FromResult(new CounterSnapshot(State.Count, _instanceId, Etag, RecordExists));

    public async ValueTask SaveAsync() => await WriteStateAsync();

    public async ValueTask ClearAsync() => await ClearStateAsync();

    public async ValueTask HoldAsync(string blockerName) => await probe.PassAsync(blockerName);

    public ValueTask DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }
}
