namespace Pricing.Runtime.Tests.Grains;

internal sealed class TurnGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), ITurnGrain
{
    public ValueTask RecordAsync(int sequence) =>
        InvokeAsync<ITurnGrain>(grain => grain.RecordAsync(sequence));

    public ValueTask<TurnReport> GetReportAsync() =>
        InvokeAsync<ITurnGrain, TurnReport>(static grain => grain.GetReportAsync());

    public ValueTask HoldAsync(string blockerName) =>
        InvokeAsync<ITurnGrain>(grain => grain.HoldAsync(blockerName));

    public ValueTask MeetAsync(string me, string other) =>
        InvokeAsync<ITurnGrain>(grain => grain.MeetAsync(me, other));
}
