using Npgsql;

namespace Pricing.Silo.Postgres;

/// <summary>
/// Creates and migrates the schema at start-up. Each migration runs once, in order, inside a
/// transaction holding an advisory lock, so several silos starting together do not race.
/// </summary>
internal static class PostgresSchema
{
    // Arbitrary constant identifying this service's migration lock.
    private const long MigrationLockKey = 0x5052_4943_494E_47;

    private static readonly string[] Migrations =
    [
        """
        create table grain_state (
            grain_type text not null,
            grain_key text not null,
            version bigint not null,
            state bytea not null,
            updated_at timestamptz not null default now(),
            primary key (grain_type, grain_key));

        -- Which silo owns a partition, and since which generation: the fencing token every state write carries.
        create table partition_owner (
            topic text not null,
            partition int not null,
            generation bigint not null,
            silo_id text not null,
            claimed_at timestamptz not null default now(),
            primary key (topic, partition));

        -- Every effect of the offsets up to durable_offset is stored: where a new owner starts reading.
        create table partition_checkpoint (
            topic text not null,
            partition int not null,
            durable_offset bigint not null,
            generation bigint not null,
            updated_at timestamptz not null default now(),
            primary key (topic, partition));

        -- One row per applied tick, written in the same transaction as the state that applied it.
        create table trades (
            symbol text not null,
            trade_id bigint not null,
            price numeric not null,
            size numeric not null,
            ts timestamptz not null,
            ts_ticks bigint not null,
            topic text not null,
            partition int not null,
            "offset" bigint not null,
            primary key (symbol, trade_id),
            unique (topic, partition, "offset"));

        -- Closed candles; an amendment by a late tick replaces the row with a higher revision.
        create table candles (
            symbol text not null,
            interval text not null,
            start timestamptz not null,
            open numeric not null,
            high numeric not null,
            low numeric not null,
            close numeric not null,
            volume numeric not null,
            turnover numeric not null,
            trade_count bigint not null,
            revision int not null,
            first_trade_ticks bigint not null,
            last_trade_ticks bigint not null,
            primary key (symbol, interval, start));

        -- Malformed input, recorded once per input position before it is sent to the dead-letter topic.
        create table dead_letters (
            topic text not null,
            partition int not null,
            "offset" bigint not null,
            reason text not null,
            sent boolean not null default false,
            recorded_at timestamptz not null default now(),
            primary key (topic, partition, "offset"));
        """,
        // Encoded state is compact and barely compresses: skip the compression attempt on every write.
        "alter table grain_state alter column state set storage external",
        // The symbols each partition carries: a new owner answers for all of them before they trade again.
        """
        create table symbol_partition (
            topic text not null,
            symbol text not null,
            partition int not null,
            primary key (topic, symbol));
        create index symbol_partition_by_partition on symbol_partition (topic, partition);
        """,
    ];

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"select pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await Execute(connection, transaction, "create table if not exists schema_version (version int primary key, applied_at timestamptz not null default now())", cancellationToken);

        await using var read = new NpgsqlCommand("select coalesce(max(version), 0) from schema_version", connection, transaction);
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await Execute(connection, transaction, Migrations[version - 1], cancellationToken);
            await Execute(connection, transaction, $"insert into schema_version (version) values ({version})", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
