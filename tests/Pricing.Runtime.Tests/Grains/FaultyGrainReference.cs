namespace Pricing.Runtime.Tests.Grains;

internal sealed class FaultyGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), IFaultyGrain
{
    public ValueTask<int> IncrementAsync() =>
        InvokeAsync<IFaultyGrain, int>(static grain => grain.IncrementAsync());

    public ValueTask<int> IncrementThenThrowAsync(string message) =>
        InvokeAsync<IFaultyGrain, string, int>(static (grain, m) => grain.IncrementThenThrowAsync(m), message);

    public ValueTask ThrowSynchronouslyAsync(string message) =>
        InvokeAsync<IFaultyGrain>(grain => grain.ThrowSynchronouslyAsync(message));

    public ValueTask<FaultyReport> GetReportAsync() =>
        InvokeAsync<IFaultyGrain, FaultyReport>(static grain => grain.GetReportAsync());
}
