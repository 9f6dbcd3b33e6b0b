using Npgsql;
using Pricing.Grains;

namespace Pricing.Integration.Tests.Support;

/// <summary>Who owns which partition, as the silos report it and as PostgreSQL records it.</summary>
internal static class Partitions
{
    /// <summary>Waits until the silos' own reports split all partitions between them, each silo holding at least one, none held twice.</summary>
    public static async Task<IReadOnlyList<SiloStatus>> WaitSplitAsync(IsolatedCluster cluster, IReadOnlyList<SiloProcess> silos, TimeSpan timeout)
    {
        var statuses = await Eventually.ValueAsync(
            $"{string.Join(" and ", silos.Select(s => s.SiloId))} share the {IsolatedCluster.Partitions} partitions",
            timeout,
            async () =>
            {
                var all = new List<SiloStatus>();
                foreach (var silo in silos)
                {
                    all.Add(await silo.GetStatusAsync());
                }

                return all;
            },
            all => all.All(s => s.Partitions.Count > 0)
                && all.Sum(s => s.Partitions.Count) == IsolatedCluster.Partitions
                && all.SelectMany(s => s.Partitions).Distinct().Count() == IsolatedCluster.Partitions,
            all => string.Join("; ", all.Select(s => s.Describe())));
        cluster.Log($"partitions split: {string.Join("; ", statuses.Select(s => $"{s.Id} [{string.Join(',', s.Partitions)}]"))}");
        return statuses;
    }

    /// <summary>Waits until <paramref name="silo"/> reports every partition as its own.</summary>
    public static async Task<SiloStatus> WaitOwnsAllAsync(IsolatedCluster cluster, SiloProcess silo, TimeSpan timeout, string why)
    {
        var status = await Eventually.ValueAsync(
            $"{silo.SiloId} owns all {IsolatedCluster.Partitions} partitions ({why})",
            timeout,
            silo.GetStatusAsync,
            s => s.Partitions.Count == IsolatedCluster.Partitions,
            s => s.Describe());
        return status;
    }

    /// <summary>The <c>partition_owner</c> rows of the test's topic: partition → (generation, silo).</summary>
    public static async Task<Dictionary<int, (long Generation, string SiloId)>> OwnersAsync(IsolatedCluster cluster)
    {
        var owners = new Dictionary<int, (long, string)>();
        await using var command = cluster.Db.CreateCommand("select partition, generation, silo_id from partition_owner where topic = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = cluster.Topic });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return owners;
    }

    /// <summary>Which partition each symbol's trades came from (one per symbol: the key decides).</summary>
    public static async Task<Dictionary<string, int>> OfSymbolsAsync(IsolatedCluster cluster)
    {
        var partitions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = cluster.Db.CreateCommand("select distinct symbol, partition from trades");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            partitions[reader.GetString(0)] = reader.GetInt32(1);
        }

        return partitions;
    }
}
