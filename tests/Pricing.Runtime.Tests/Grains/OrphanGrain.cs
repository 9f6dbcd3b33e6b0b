namespace Pricing.Runtime.Tests.Grains;

[GrainType("orphan")]
[StorageProvider(ProviderName = "Nowhere")]
internal sealed class OrphanGrain : Grain<CounterState>, IOrphanGrain
{
    public ValueTask PingAsync() => ValueTask.CompletedTask;
}
