namespace Pricing.Runtime.Tests.Grains;

/// <summary>Blocker it passes: "activate:KEY" in OnActivateAsync, before it decides whether to fail.</summary>
[GrainType("faulty")]
internal sealed class FaultyGrain(GrainProbe probe) : Grain, IFaultyGrain
{
    private readonly int _instanceId = probe.NextInstanceId();
    private int _count;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GetPrimaryKeyString();
        await probe.PassAsync($"activate:{key}");
        if (probe.TakeActivationFailure(key))
        {
            throw new GrainFaultException($"activation of {key} failed on purpose");
        }

        probe.For(key).Activated(_instanceId);
    }

    public ValueTask<int> IncrementAsync() => ValueTask.FromResult(++_count);

    public async ValueTask<int> IncrementThenThrowAsync(string message)
    {
        _count++;
        await Task.Yield();
        throw new GrainFaultException(message);
    }

    public ValueTask ThrowSynchronouslyAsync(string message) => throw new GrainFaultException(message);

    public ValueTask<FaultyReport> GetReportAsync() => ValueTask.FromResult(new FaultyReport(_count, _instanceId));
}
