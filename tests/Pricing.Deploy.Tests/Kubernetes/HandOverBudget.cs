using Microsoft.Extensions.Hosting;

namespace Pricing.Deploy.Tests.Kubernetes;

/// <summary>
/// How long a silo may take to stop, which the termination grace period must cover: the preStop
/// pause, then the host's stop (bounded by <see cref="HostOptions.ShutdownTimeout"/>: drain the
/// batch in flight, write state and offsets in one fenced transaction per partition, commit the
/// offsets, leave the group, deactivate the grains), then a margin for the runtime to exit.
/// </summary>
internal static class HandOverBudget
{
    /// <summary>After the host gives up, disposal and log flushing still take a moment.</summary>
    public static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(5);

    /// <summary>The host's stop limit; the silo keeps .NET's default (a test checks no code changes it).</summary>
    public static TimeSpan HostShutdownTimeout { get; } = new HostOptions().ShutdownTimeout;

    public static TimeSpan For(TimeSpan preStop) => preStop + HostShutdownTimeout + ExitMargin;
}
