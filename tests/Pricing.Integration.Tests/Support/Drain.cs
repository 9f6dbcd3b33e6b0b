using System.Diagnostics;
using Npgsql;

namespace Pricing.Integration.Tests.Support;

/// <summary>Waits until the live silos have applied and written everything produced.</summary>
internal static class Drain
{
    /// <summary>
    /// Until every partition is owned by a live silo and each live silo's consumer lag is 0, the
    /// trade counts of <c>/api/v1/symbols</c> (asked of the first silo) add up to
    /// <paramref name="expectedTicks"/>, and the <c>trades</c> table holds that many rows.
    /// </summary>
    public static async Task WaitAsync(IsolatedCluster cluster, IReadOnlyList<SiloProcess> live, long expectedTicks, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await Eventually.UntilNothingMissingAsync(
                $"{expectedTicks:N0} ticks are applied by {string.Join(", ", live.Select(s => s.SiloId))} and written",
                timeout,
                () => MissingAsync(cluster, live, expectedTicks),
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException ex)
        {
            var partitions = await DescribePartitionsAsync(cluster) + "\n" + await DescribeSymbolsAsync(cluster, live);
            cluster.Log($"not drained: {ex.Message}\n{partitions}");
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{partitions}\nSilo logs: {string.Join(", ", live.Select(s => s.LogPath))}");
        }

        cluster.Log($"drained: {expectedTicks:N0} ticks applied and written ({clock.Elapsed.TotalSeconds:0.0} s of waiting)");
    }

    public static async Task<long> CountTradesAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select count(*) from trades");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Per partition: owner and generation, durable checkpoint, trades written, and the topic's end offset.</summary>
    public static async Task<string> DescribePartitionsAsync(IsolatedCluster cluster)
    {
        try
        {
            var owners = await Partitions.OwnersAsync(cluster);
            var checkpoints = new Dictionary<int, long>();
            await using (var command = cluster.Db.CreateCommand("select partition, durable_offset from partition_checkpoint where topic = $1"))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = cluster.Topic });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    checkpoints[reader.GetInt32(0)] = reader.GetInt64(1);
                }
            }

            var trades = new Dictionary<int, long>();
            await using (var command = cluster.Db.CreateCommand("select partition, count(*) from trades group by partition"))
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    trades[reader.GetInt32(0)] = reader.GetInt64(1);
                }
            }

            var ends = KafkaTopics.EndOffsets(cluster.Servers, cluster.Topic, IsolatedCluster.Partitions, TimeSpan.FromSeconds(10));
            return string.Join('\n', Enumerable.Range(0, IsolatedCluster.Partitions).Select(p =>
                $"  partition {p}: owner {(owners.TryGetValue(p, out var o) ? $"{o.SiloId} generation {o.Generation}" : "none")}, " +
                $"checkpoint {(checkpoints.TryGetValue(p, out var c) ? c : -1)}, end offset {ends[p]}, trades written {trades.GetValueOrDefault(p)}"));
        }
        catch (Exception ex) when (ex is NpgsqlException or Confluent.Kafka.KafkaException or TimeoutException)
        {
            return $"  (partitions not described: {ex.Message})";
        }
    }

    /// <summary>Symbols whose trade count in the first silo's <c>/symbols</c> differs from the trades table, with what their owner says.</summary>
    public static async Task<string> DescribeSymbolsAsync(IsolatedCluster cluster, IReadOnlyList<SiloProcess> live)
    {
        try
        {
            var written = new Dictionary<string, (long Count, int Partition)>(StringComparer.Ordinal);
            await using (var command = cluster.Db.CreateCommand("select symbol, count(*), min(partition) from trades group by symbol"))
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    written[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt32(2));
                }
            }

            var listed = (await live[0].Api.GetSymbolsAsync()).ToDictionary(s => s.Symbol, s => s.TradeCount, StringComparer.Ordinal);
            var differing = written.Where(w => listed.GetValueOrDefault(w.Key) != w.Value.Count).Take(10).ToList();
            var lines = new List<string>();
            foreach (var (symbol, (count, partition)) in differing)
            {
                var answers = new List<string>();
                foreach (var silo in live)
                {
                    var stats = await silo.Api.GetStatsAsync(symbol);
                    answers.Add($"{silo.SiloId} stats {(stats is null ? "404" : stats.Quote.TradeCount.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                }

                lines.Add($"  {symbol} (partition {partition}): {count} trades written, {live[0].SiloId} /symbols says {(listed.TryGetValue(symbol, out var c) ? c : "nothing")}; {string.Join(", ", answers)}; {await cluster.DescribeRedisEntryAsync(symbol)}");
            }

            return lines.Count == 0 ? "  every symbol's /symbols trade count matches the trades table" : string.Join('\n', lines);
        }
        catch (Exception ex) when (ex is NpgsqlException or HttpRequestException or TimeoutException)
        {
            return $"  (symbols not described: {ex.Message})";
        }
    }

    private static async Task<string?> MissingAsync(IsolatedCluster cluster, IReadOnlyList<SiloProcess> live, long expectedTicks)
    {
        var missing = new List<string>();
        var owned = new HashSet<int>();
        foreach (var silo in live)
        {
            var status = await silo.GetStatusAsync();
            owned.UnionWith(status.Partitions);
            if (status.ConsumerLag != 0)
            {
                missing.Add($"{silo.SiloId} lag {status.ConsumerLag}");
            }
        }

        if (owned.Count != IsolatedCluster.Partitions)
        {
            missing.Add($"owned partitions [{string.Join(',', owned.Order())}]");
        }

        var symbols = await live[0].Api.GetSymbolsAsync();
        var applied = symbols.Sum(s => s.TradeCount);
        if (applied != expectedTicks)
        {
            missing.Add($"/symbols trade counts add up to {applied:N0} over {symbols.Count} symbols");
        }

        var written = await CountTradesAsync(cluster.Db);
        if (written != expectedTicks)
        {
            missing.Add($"trades table {written:N0} rows");
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }
}
