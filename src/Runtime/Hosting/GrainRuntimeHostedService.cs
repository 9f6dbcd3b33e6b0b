using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pricing.Runtime.Core;

namespace Pricing.Runtime.Hosting;

/// <summary>
/// Runs idle collection while the host runs, and on stop deactivates every activation so that
/// each writes its state. Registered before the services that call grains, so it stops after them.
/// </summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime, TimeProvider time, ILogger<GrainRuntimeHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(runtime.Options.CollectionQuantum, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await runtime.CollectIdleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Idle collection failed");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runtime.ShutdownAsync(cancellationToken);
    }
}
