using System.Text.Json;
using Microsoft.Extensions.Options;
using Pricing.Grains;
using Pricing.Silo.Cluster;
using Pricing.Silo.Membership;
using Pricing.Silo.ReadModel;
using StackExchange.Redis;

namespace Pricing.Silo.Redis;

/// <summary>
/// Cluster membership in Redis: each silo renews an entry with its status every heartbeat; the
/// entry expires when the silo dies, so the view drops a dead silo within the time-to-live. A
/// silo stopping cleanly removes its entry at once.
/// </summary>
internal sealed partial class RedisMembership(
    RedisConnection redis,
    RedisKeys keys,
    LocalSiloStatus local,
    SiloIdentity silo,
    IOptions<RedisOptions> options,
    TimeProvider time,
    ILogger<RedisMembership> logger) : BackgroundService, IClusterView
{
    private readonly RedisOptions _options = options.Value;

    public async ValueTask<ClusterStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var silos = new Dictionary<string, SiloStatus>(StringComparer.Ordinal) { [silo.Id] = local.Snapshot() };
        try
        {
            var database = redis.Database;
            var ids = (await database.SetMembersAsync(keys.Silos)).Select(v => (string)v!).Where(id => id != silo.Id).ToList();
            var entries = await database.StringGetAsync([.. ids.Select(id => keys.Silo(id))]);
            for (var i = 0; i < ids.Count; i++)
            {
                if (entries[i].HasValue && JsonSerializer.Deserialize<SiloStatus>((string)entries[i]!, ClusterJson.Options) is { } status)
                {
                    silos[status.Id] = status;
                }
                else
                {
                    // Expired: the silo stopped renewing; forget it.
                    await database.SetRemoveAsync(keys.Silos, ids[i]);
                }
            }
        }
        catch (Exception ex)
        {
            LogReadFailed(ex);
        }

        return new ClusterStatus(time.GetUtcNow(), "Cluster", [.. silos.Values.OrderBy(s => s.Id, StringComparer.Ordinal)]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await HeartbeatAsync();
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            var database = redis.Database;
            await database.KeyDeleteAsync(keys.Silo(silo.Id));
            await database.SetRemoveAsync(keys.Silos, silo.Id);
        }
        catch (Exception ex)
        {
            // The entry expires on its own.
            LogLeaveFailed(ex);
        }
    }

    private async Task HeartbeatAsync()
    {
        try
        {
            var database = redis.Database;
            var status = JsonSerializer.Serialize(local.Snapshot(), ClusterJson.Options);
            await database.StringSetAsync(keys.Silo(silo.Id), status, _options.MemberTimeToLive);
            await database.SetAddAsync(keys.Silos, silo.Id);
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this silo's membership in Redis failed; retrying")]
    private partial void LogHeartbeatFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the cluster membership from Redis failed")]
    private partial void LogReadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing this silo's membership entry failed; it expires on its own")]
    private partial void LogLeaveFailed(Exception exception);
}
