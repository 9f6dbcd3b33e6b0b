using Pricing.Grains;

namespace Pricing.Integration.Tests.Support;

internal static class SiloStatusExtensions
{
    public static string Describe(this SiloStatus status) =>
        $"{status.Id}: partitions [{string.Join(',', status.Partitions)}], applied {status.TicksApplied:N0}, lag {status.ConsumerLag:N0}, {status.Ingest} ({status.Detail})";
}
