namespace Pricing.Runtime.Tests.Grains;

internal sealed class PatientGrainReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), IPatientGrain
{
    public ValueTask PingAsync() =>
        InvokeAsync<IPatientGrain>(static grain => grain.PingAsync());
}
