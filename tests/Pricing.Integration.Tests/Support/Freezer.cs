using Npgsql;
using Pricing.Grains;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Freezes a silo (SIGSTOP) in the middle of its work, either between two database transactions
/// or inside one. Whether it was caught inside one shows in PostgreSQL: a transaction that began
/// before the freeze and stays open is the frozen silo's (the others' last milliseconds).
/// </summary>
internal static class Freezer
{
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Lets <paramref name="silo"/> apply some ticks, freezes it, and keeps it frozen if it was
    /// caught as wanted (<paramref name="insideTransaction"/>); otherwise thaws it and tries again.
    /// Returns the silo's status read just before the freeze.
    /// </summary>
    public static async Task<SiloStatus> FreezeAsync(IsolatedCluster cluster, SiloProcess silo, bool insideTransaction, Random random, int attempts = 25)
    {
        var threshold = (long)random.Next(2_000, 6_000);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var before = await Eventually.ValueAsync(
                $"{silo.SiloId} has applied {threshold:N0} ticks",
                TimeSpan.FromSeconds(90),
                silo.GetStatusAsync,
                s => s.TicksApplied >= threshold,
                s => s.Describe(),
                TimeSpan.FromMilliseconds(100));
            silo.Pause();
            var frozenAt = await DatabaseNowAsync(cluster.Db);
            var open = await OpenTransactionsSinceBeforeAsync(cluster, frozenAt);
            cluster.Log($"freeze attempt {attempt}: {(open is null ? "between transactions" : $"inside a transaction ({open})")}");
            if ((open is not null) == insideTransaction)
            {
                return before;
            }

            silo.Resume();
            threshold = before.TicksApplied + random.Next(500, 2_500);
        }

        throw new Xunit.Sdk.XunitException($"Could not freeze {silo.SiloId} {(insideTransaction ? "inside" : "outside")} a transaction in {attempts} attempts.");
    }

    /// <summary>
    /// Watches the sessions for a moment: null as soon as no transaction begun before
    /// <paramref name="frozenAt"/> is open any more, or the oldest such transaction if one stays.
    /// </summary>
    private static async Task<string?> OpenTransactionsSinceBeforeAsync(IsolatedCluster cluster, DateTime frozenAt)
    {
        try
        {
            await Eventually.UntilNothingMissingAsync(
                "no transaction older than the freeze is open",
                Watch,
                async () =>
                {
                    await using var command = cluster.Db.CreateCommand(
                        """
                        select pid, state, left(regexp_replace(query, '\s+', ' ', 'g'), 60) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and xact_start < $1
                        order by xact_start limit 1
                        """);
                    command.Parameters.Add(new NpgsqlParameter { Value = frozenAt });
                    await using var reader = await command.ExecuteReaderAsync();
                    return await reader.ReadAsync() ? $"pid {reader.GetInt32(0)} {reader.GetString(1)} after: {reader.GetString(2)}" : null;
                },
                TimeSpan.FromMilliseconds(100));
            return null;
        }
        catch (TimeoutException ex)
        {
            return ex.Message[(ex.Message.IndexOf("last seen: ", StringComparison.Ordinal) + "last seen: ".Length)..];
        }
    }

    private static async Task<DateTime> DatabaseNowAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select clock_timestamp()");
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }
}
