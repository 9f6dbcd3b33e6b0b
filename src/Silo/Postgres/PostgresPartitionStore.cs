using Npgsql;
using Pricing.Silo.Cluster;

namespace Pricing.Silo.Postgres;

/// <summary>Partition claims (generation + 1) and checkpoints (how far a partition is durable) in PostgreSQL.</summary>
internal sealed class PostgresPartitionStore(NpgsqlDataSource dataSource, PartitionOwnership ownership, SiloIdentity silo)
{
    /// <summary>
    /// Takes over a partition: bumps its generation and names this silo the owner. The row lock
    /// this takes waits for state writes of the previous owner that are in flight (they hold the
    /// row for share), so no write under the old generation commits after the claim.
    /// </summary>
    public async Task<long> ClaimAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into partition_owner (topic, partition, generation, silo_id) values ($1, $2, 1, $3)
            on conflict (topic, partition) do update
                set generation = partition_owner.generation + 1, silo_id = excluded.silo_id, claimed_at = now()
            returning generation
            """);
        command.Parameters.Add(new() { Value = ownership.Topic });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = silo.Id });
        var generation = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        ownership.Claimed(partition, generation);
        return generation;
    }

    /// <summary>The highest offset of the partition whose effects are all stored, or null if none.</summary>
    public async Task<long?> ReadCheckpointAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select durable_offset from partition_checkpoint where topic = $1 and partition = $2");
        command.Parameters.Add(new() { Value = ownership.Topic });
        command.Parameters.Add(new() { Value = partition });
        return await command.ExecuteScalarAsync(cancellationToken) is long offset ? offset : null;
    }

    /// <summary>Records that the partition is durable through <paramref name="offset"/>; false if this silo's generation is no longer current.</summary>
    public async Task<bool> WriteCheckpointAsync(int partition, long offset, CancellationToken cancellationToken)
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

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
