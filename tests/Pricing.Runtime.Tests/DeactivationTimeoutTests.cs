namespace Pricing.Runtime.Tests;

public sealed class DeactivationTimeoutTests
{
    [Fact]
    public async Task OnDeactivateTokenIsCancelledAfterTheDeactivationTimeout()
    {
        await using var silo = await TestSilo.StartAsync(new Dictionary<string, string?> { ["DeactivationTimeout"] = "00:00:00.200" });
        var grain = silo.Get<IPatientGrain>("p");
        await grain.PingAsync();
        silo.Probe.Hold("deactivate:p");

        await silo.Management.DeactivateAsync(
            id => id.Key == "p",
            new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test")).Within();

        var deactivation = Assert.Single(silo.Probe.For("p").Deactivations);
        Assert.True(deactivation.TokenCancelled);
        Assert.Equal(0, silo.Management.ActivationCount);
    }

    /// <summary>
    /// Everything else in the runtime takes time from the injected TimeProvider; the deactivation
    /// timeout should too, so that a test (or a simulation) controls it like the collection age.
    /// </summary>
    [Fact]
    public async Task DeactivationTimeoutIsMeasuredOnTheInjectedClock()
    {
        await using var silo = await TestSilo.StartWithManualClockAsync(new Dictionary<string, string?> { ["DeactivationTimeout"] = "00:01:00" });
        var grain = silo.Get<IPatientGrain>("p");
        await grain.PingAsync();
        var deactivating = silo.Probe.Hold("deactivate:p");

        var deactivation = silo.Management.DeactivateAsync(
            id => id.Key == "p",
            new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));
        await deactivating.Entered.Within();
        silo.Time.Advance(TimeSpan.FromMinutes(2));

        // Bounded: if the timeout ignores the injected clock, the grain waits for its real minute.
        await deactivation.Within(TimeSpan.FromSeconds(3));
        Assert.True(Assert.Single(silo.Probe.For("p").Deactivations).TokenCancelled);
    }
}
