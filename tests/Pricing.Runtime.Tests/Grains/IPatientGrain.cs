namespace Pricing.Runtime.Tests.Grains;

/// <summary>A grain whose OnDeactivateAsync waits until its cancellation token fires (or its blocker is released).</summary>
public interface IPatientGrain : IGrainWithStringKey
{
    ValueTask PingAsync();
}
