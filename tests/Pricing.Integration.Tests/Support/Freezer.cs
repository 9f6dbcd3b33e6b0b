using Npgsql;
using Pricing.Grains;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// Freezes a silo (SIGSTOP) in the middle of its work, either between two database transactions
/// or inside one. Its sessions are found in <c>pg_stat_activity</c> by their client ports.
/// </summary>
internal static class Freezer
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

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
            SiloStatus before;
            if (attempt == 1)
            {
                before = await Eventually.ValueAsync(
                    $"{silo.SiloId} has applied {threshold:N0} ticks",
                    TimeSpan.FromSeconds(90),
                    silo.GetStatusAsync,
                    s => s.TicksApplied >= threshold,
                    s => s.Describe(),
                    TimeSpan.FromMilliseconds(100));
            }
            else
            {
                // Try again a random moment later, not after more ticks: the input may be over by
                // now (on a loaded machine every freeze can land inside a slow transaction until it is).
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(150, 900)));
                before = await silo.GetStatusAsync();
            }

            silo.Pause();
            var transaction = await OpenTransactionAsync(cluster, silo);
            cluster.Log($"freeze attempt {attempt}: {(transaction is null ? "between transactions" : $"inside a transaction ({transaction})")}");
            if ((transaction is not null) == insideTransaction)
            {
                return before;
            }

            silo.Resume();
        }

        throw new Xunit.Sdk.XunitException($"Could not freeze {silo.SiloId} {(insideTransaction ? "inside" : "outside")} a transaction in {attempts} attempts.");
    }

    /// <summary>
    /// The frozen silo's open transaction, if it has one. Read twice, a moment apart: what the
    /// silo sent just before it froze may still be on its way into the server.
    /// </summary>
    private static async Task<string?> OpenTransactionAsync(IsolatedCluster cluster, SiloProcess silo)
    {
        var ports = silo.LocalTcpPorts().ToArray();
        string? transaction = null;
        for (var reading = 0; reading < 2; reading++)
        {
            if (reading > 0)
            {
                await Task.Delay(Settle);
            }

            await using var command = cluster.Db.CreateCommand(
                """
                select pid, state, left(regexp_replace(query, '\s+', ' ', 'g'), 60) from pg_stat_activity
                where datname = current_database() and client_port = any($1) and xact_start is not null
                order by xact_start limit 1
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = ports });
            await using var reader = await command.ExecuteReaderAsync();
            transaction = await reader.ReadAsync() ? $"pid {reader.GetInt32(0)} {reader.GetString(1)} after: {reader.GetString(2)}" : transaction;
        }

        return transaction;
    }
}
