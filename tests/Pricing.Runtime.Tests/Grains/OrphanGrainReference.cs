namespace Pricing.Runtime.Tests.Grains;

internal sealed class OrphanGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), IOrphanGrain
{
    public ValueTask PingAsync() =>
        InvokeAsync<IOrphanGrain>(static grain => grain.PingAsync());
}
