using Npgsql;

namespace Pricing.Silo.Postgres;

/// <summary>
/// Brings the schema up to date before anything reads or writes state. Registered ahead of the
/// runtime and the ingest, so they start after it; while PostgreSQL is unreachable it retries
/// with backoff instead of failing the silo.
/// </summary>
internal sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await PostgresSchema.MigrateAsync(dataSource, cancellationToken);
                LogMigrated();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(ex, backoff);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema is up to date")]
    private partial void LogMigrated();

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet; retrying in {Backoff}")]
    private partial void LogWaiting(Exception exception, TimeSpan backoff);
}
