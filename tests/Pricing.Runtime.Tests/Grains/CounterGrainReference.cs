namespace Pricing.Runtime.Tests.Grains;

internal sealed class CounterGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), ICounterGrain
{
    public ValueTask<int> AddAsync(int amount) =>
        InvokeAsync<ICounterGrain, int, int>(static (grain, a) => grain.AddAsync(a), amount);

    public ValueTask<CounterSnapshot> GetAsync() =>
        InvokeAsync<ICounterGrain, CounterSnapshot>(static grain => grain.GetAsync());

    public ValueTask SaveAsync() =>
        InvokeAsync<ICounterGrain>(static grain => grain.SaveAsync());

    public ValueTask ClearAsync() =>
        InvokeAsync<ICounterGrain>(static grain => grain.ClearAsync());

    // Void methods with arguments capture them: the base class offers no allocation-free form for that shape.
    public ValueTask HoldAsync(string blockerName) =>
        InvokeAsync<ICounterGrain>(grain => grain.HoldAsync(blockerName));

    public ValueTask DeactivateOnIdleAsync() =>
        InvokeAsync<ICounterGrain>(static grain => grain.DeactivateOnIdleAsync());
}
