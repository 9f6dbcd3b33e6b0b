using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pricing.Silo.Ingest;

namespace Pricing.Silo.Health;

/// <summary>Ready when the input loop is running and its last batch went through.</summary>
internal sealed class IngestHealthCheck(IngestStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (state, detail) = (status.Current.State, status.Current.Detail);
        return Task.FromResult(state switch
        {
            IngestState.Running => HealthCheckResult.Healthy(detail),
            IngestState.Starting => HealthCheckResult.Unhealthy($"starting: {detail}"),
            IngestState.Degraded => HealthCheckResult.Unhealthy($"degraded: {detail}"),
            _ => HealthCheckResult.Unhealthy($"stopped: {detail}"),
        });
    }
}
