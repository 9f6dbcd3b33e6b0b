using Microsoft.Extensions.Options;
using Npgsql;
using Pricing.Silo.Cluster;

namespace Pricing.Silo.Postgres;

/// <summary>Partition claims (generation + 1), checkpoints (how far a partition is durable) and the symbols of each partition, in PostgreSQL.</summary>
internal sealed partial class PostgresPartitionStore(
    NpgsqlDataSource dataSource,
    PartitionOwnership ownership,
    SiloIdentity silo,
    IOptions<PostgresOptions> options,
    TimeProvider time,
    ILogger<PostgresPartitionStore> logger)
{
    /// <summary>
    /// Takes over a partition: bumps its generation and names this silo the owner. The row lock
    /// this takes waits for state writes of the previous owner that are in flight (they hold the
    /// row for share), so no write under the old generation commits after the claim. A write
    /// that holds the row for longer than <see cref="PostgresOptions.StaleWriterTimeout"/> belongs
    /// to a frozen or hung previous owner: its session is ended (its commit then fails) rather
    /// than letting it block the partition for as long as it is frozen.
    /// </summary>
    public async Task<long> ClaimAsync(int partition, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            insert into partition_owner (topic, partition, generation, silo_id) values ($1, $2, 1, $3)
            on conflict (topic, partition) do update
                set generation = partition_owner.generation + 1, silo_id = excluded.silo_id, claimed_at = now()
            returning generation
            """, connection);
        command.Parameters.Add(new() { Value = ownership.Topic });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = silo.Id });
        var claim = command.ExecuteScalarAsync(cancellationToken);
        while (await Task.WhenAny(claim, Task.Delay(options.Value.StaleWriterTimeout, time, cancellationToken)) != claim)
        {
            await EndBlockingSessionsAsync(connection.ProcessID, partition, cancellationToken);
        }

        var generation = (long)(await claim)!;
        ownership.Claimed(partition, generation);
        return generation;
    }

    /// <summary>The symbols recorded for the partition by its owners so far.</summary>
    public async Task<IReadOnlyList<string>> SymbolsOfAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select symbol from symbol_partition where topic = $1 and partition = $2");
        command.Parameters.Add(new() { Value = ownership.Topic });
        command.Parameters.Add(new() { Value = partition });
        var symbols = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            symbols.Add(reader.GetString(0));
        }

        return symbols;
    }

    /// <summary>The highest offset of the partition whose effects are all stored, or null if none.</summary>
    public async Task<long?> ReadCheckpointAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select durable_offset from partition_checkpoint where topic = $1 and partition = $2");
        command.Parameters.Add(new() { Value = ownership.Topic });
        command.Parameters.Add(new() { Value = partition });
        return await command.ExecuteScalarAsync(cancellationToken) is long offset ? offset : null;
    }

    /// <summary>
    /// Records that the partition is durable through <paramref name="offset"/>, and lists
    /// <paramref name="newSymbols"/> as the partition's; false if this silo's generation is no
    /// longer current.
    /// </summary>
    public async Task<bool> WriteCheckpointAsync(int partition, long offset, IReadOnlyCollection<string> newSymbols, CancellationToken cancellationToken)
    {
        var generation = ownership.GenerationOf(partition);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var fence = new NpgsqlCommand(
            "select generation, silo_id from partition_owner where topic = $1 and partition = $2 for share", connection, transaction))
        {
            fence.Parameters.Add(new() { Value = ownership.Topic });
            fence.Parameters.Add(new() { Value = partition });
            await using var reader = await fence.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(0) != generation || reader.GetString(1) != silo.Id)
            {
                return false;
            }
        }

        await using (var write = new NpgsqlCommand(
            """
            insert into partition_checkpoint (topic, partition, durable_offset, generation) values ($1, $2, $3, $4)
            on conflict (topic, partition) do update
                set durable_offset = greatest(partition_checkpoint.durable_offset, excluded.durable_offset),
                    generation = excluded.generation, updated_at = now()
            """, connection, transaction))
        {
            write.Parameters.Add(new() { Value = ownership.Topic });
            write.Parameters.Add(new() { Value = partition });
            write.Parameters.Add(new() { Value = offset });
            write.Parameters.Add(new() { Value = generation });
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        if (newSymbols.Count > 0)
        {
            await using var list = new NpgsqlCommand(
                """
                insert into symbol_partition (topic, symbol, partition) select $1, unnest($2::text[]), $3
                on conflict (topic, symbol) do update set partition = excluded.partition
                """, connection, transaction);
            list.Parameters.Add(new() { Value = ownership.Topic });
            list.Parameters.Add(new() { Value = newSymbols.ToArray() });
            list.Parameters.Add(new() { Value = partition });
            await list.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task EndBlockingSessionsAsync(int claimingSession, int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select coalesce(array_agg(pid), '{}') from unnest(pg_blocking_pids($1)) as pid where pg_terminate_backend(pid)");
        command.Parameters.Add(new() { Value = claimingSession });
        var ended = (int[])(await command.ExecuteScalarAsync(cancellationToken))!;
        LogEndedBlockingSessions(partition, options.Value.StaleWriterTimeout, string.Join(',', ended));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim of partition {Partition} waited {Timeout} on a previous owner's write; ended the database sessions [{Sessions}]")]
    private partial void LogEndedBlockingSessions(int partition, TimeSpan timeout, string sessions);
}
