using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Pricing.Silo.Postgres;

/// <summary>
/// Commits a group of grain writes in one transaction: fence check (owner rows locked for
/// share, so a takeover waits for this transaction), versioned state upserts, then the trades
/// (binary COPY) and closed candles of exactly the writes that succeeded.
/// </summary>
internal static class PostgresStateBatch
{
    /// <summary>Commits what it can; returns the writes stored (with their new versions) and those refused, and throws when the transaction fails.</summary>
    public static async Task<BatchOutcome> CommitAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<PendingStateWrite> writes, string topic, string siloId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var owners = await LockOwnersAsync(connection, transaction, topic, writes);
        var candidates = new List<PendingStateWrite>(writes.Count);
        var rejected = new List<(PendingStateWrite Write, string Reason)>();
        foreach (var write in writes)
        {
            var stale = write.Fence.FirstOrDefault(f => !owners.TryGetValue(f.Partition, out var owner) || owner.Generation != f.Generation || owner.SiloId != siloId);
            if (write.Fence.Count > 0 && stale != default)
            {
                var holder = owners.TryGetValue(stale.Partition, out var o) ? $"generation {o.Generation} of {o.SiloId}" : "no owner";
                rejected.Add((write, $"partition {stale.Partition} is held by {holder}, not generation {stale.Generation} of {siloId}"));
            }
            else
            {
                candidates.Add(write);
            }
        }

        var succeeded = new List<(PendingStateWrite Write, long Version)>(candidates.Count);
        if (candidates.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in candidates)
            {
                batch.BatchCommands.Add(StateCommand(write));
            }

            await using var reader = await batch.ExecuteReaderAsync();
            foreach (var write in candidates)
            {
                if (await reader.ReadAsync())
                {
                    succeeded.Add((write, reader.GetInt64(0)));
                }
                else
                {
                    rejected.Add((write, $"stored version moved past {write.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
                }

                await reader.NextResultAsync();
            }
        }

        await CopyTradesAsync(connection, topic, succeeded);
        await UpsertCandlesAsync(connection, transaction, succeeded);
        await transaction.CommitAsync();
        return new BatchOutcome(succeeded, rejected);
    }

    public sealed record BatchOutcome(IReadOnlyList<(PendingStateWrite Write, long Version)> Stored, IReadOnlyList<(PendingStateWrite Write, string Reason)> Refused);

    private static async Task<Dictionary<int, (long Generation, string SiloId)>> LockOwnersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string topic, IReadOnlyCollection<PendingStateWrite> writes)
    {
        var owners = new Dictionary<int, (long, string)>();
        var partitions = writes.SelectMany(w => w.Fence.Select(f => f.Partition)).Distinct().ToArray();
        if (partitions.Length == 0)
        {
            return owners;
        }

        await using var command = new NpgsqlCommand(
            "select partition, generation, silo_id from partition_owner where topic = $1 and partition = any($2) order by partition for share",
            connection, transaction);
        command.Parameters.Add(new() { Value = topic });
        command.Parameters.Add(new() { Value = partitions });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return owners;
    }

    private static NpgsqlBatchCommand StateCommand(PendingStateWrite write)
    {
        var command = write.ExpectedVersion is { } expected
            ? new NpgsqlBatchCommand(
                "update grain_state set state = $3, version = version + 1, updated_at = now() where grain_type = $1 and grain_key = $2 and version = $4 returning version")
            : new NpgsqlBatchCommand(
                "insert into grain_state (grain_type, grain_key, version, state) values ($1, $2, 1, $3) on conflict do nothing returning version");
        command.Parameters.Add(new() { Value = write.GrainId.Type });
        command.Parameters.Add(new() { Value = write.GrainId.Key });
        command.Parameters.Add(new() { Value = write.State, NpgsqlDbType = NpgsqlDbType.Bytea });
        if (write.ExpectedVersion is { } version)
        {
            command.Parameters.Add(new() { Value = version });
        }

        return command;
    }

    private static async Task CopyTradesAsync(NpgsqlConnection connection, string topic, List<(PendingStateWrite Write, long Version)> succeeded)
    {
        if (!succeeded.Any(s => s.Write.Trades.Count > 0))
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "copy trades (symbol, trade_id, price, size, ts, ts_ticks, topic, partition, \"offset\") from stdin (format binary)");
        // Synchronous row writes: the importer buffers, and an await per field costs more than the rows.
        foreach (var (write, _) in succeeded)
        {
            var symbol = write.GrainId.Key;
            foreach (var trade in write.Trades)
            {
                importer.StartRow();
                importer.Write(symbol, NpgsqlDbType.Text);
                importer.Write(trade.TradeId, NpgsqlDbType.Bigint);
                importer.Write(trade.Price, NpgsqlDbType.Numeric);
                importer.Write(trade.Size, NpgsqlDbType.Numeric);
                importer.Write(new DateTime(trade.TimestampTicks, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                importer.Write(trade.TimestampTicks, NpgsqlDbType.Bigint);
                importer.Write(topic, NpgsqlDbType.Text);
                importer.Write(trade.Partition, NpgsqlDbType.Integer);
                importer.Write(trade.Offset, NpgsqlDbType.Bigint);
            }
        }

        await importer.CompleteAsync();
    }

    private static async Task UpsertCandlesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(PendingStateWrite Write, long Version)> succeeded)
    {
        var candles = succeeded.SelectMany(s => s.Write.Candles).ToList();
        if (candles.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            insert into candles (symbol, interval, start, open, high, low, close, volume, turnover, trade_count, revision, first_trade_ticks, last_trade_ticks)
            select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[],
                                 $8::numeric[], $9::numeric[], $10::bigint[], $11::int[], $12::bigint[], $13::bigint[])
            on conflict (symbol, interval, start) do update set
                open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                volume = excluded.volume, turnover = excluded.turnover, trade_count = excluded.trade_count,
                revision = excluded.revision, first_trade_ticks = excluded.first_trade_ticks, last_trade_ticks = excluded.last_trade_ticks
            where candles.revision <= excluded.revision
            """, connection, transaction);
        command.Parameters.Add(new() { Value = candles.Select(c => c.Symbol).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Interval).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Start.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Open).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.High).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Low).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Close).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Volume).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Turnover).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.TradeCount).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.Revision).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.FirstTradeAt.UtcTicks).ToArray() });
        command.Parameters.Add(new() { Value = candles.Select(c => c.LastTradeAt.UtcTicks).ToArray() });
        await command.ExecuteNonQueryAsync();
    }
}
