using System.Diagnostics;
using Npgsql;

namespace Pricing.IngestBench;

/// <summary>
/// Times a silo's ingest from the outside, by its checkpoints: a partition's checkpoint covers an
/// offset only once every effect up to it is stored (ticks applied, history written, state
/// persisted), so the sum over partitions of (checkpoint + 1) is the number of messages fully
/// ingested. Polling the checkpoints is cheap; counting the trades table while it grows would take
/// the database's CPU from the silo being measured. Reports the whole run (first checkpoint to
/// last) and the steady part (from <c>--warmup</c> of the messages, default 20%, to the end: the
/// JIT has reached its optimised code by then), and checks the trades table once at the end.
/// </summary>
internal static class DrainTimer
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.GetLong("count");
        var warmupShare = args.GetDouble("warmup", 0.2);
        await using var dataSource = NpgsqlDataSource.Create(args.Get("connection"));
        var clock = Stopwatch.StartNew();
        TimeSpan? firstAt = null, steadyFrom = null;
        long durable = 0, steadyStartCount = 0;
        while (durable < count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.Error.WriteLine($"gave up: {durable} of {count} messages durable");
                return 1;
            }

            await Task.Delay(100);
            try
            {
                await using var command = dataSource.CreateCommand("select coalesce(sum(durable_offset + 1), 0)::bigint from partition_checkpoint");
                durable = (long)(await command.ExecuteScalarAsync())!;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The silo has not migrated the schema yet.
                continue;
            }

            if (durable > 0 && firstAt is null)
            {
                firstAt = clock.Elapsed;
            }

            if (durable >= count * warmupShare && steadyFrom is null)
            {
                steadyFrom = clock.Elapsed;
                steadyStartCount = durable;
            }
        }

        var end = clock.Elapsed;
        await using var rows = dataSource.CreateCommand("select count(*) from trades");
        var trades = (long)(await rows.ExecuteScalarAsync())!;
        var whole = (end - firstAt!.Value).TotalSeconds;
        var steady = (end - steadyFrom!.Value).TotalSeconds;
        Console.WriteLine(
            $"{{\"messages\":{durable},\"trades\":{trades},\"seconds\":{whole:0.000},\"perSecond\":{durable / whole:0}," +
            $"\"steadySeconds\":{steady:0.000},\"steadyPerSecond\":{(durable - steadyStartCount) / steady:0}}}");
        return trades == count ? 0 : 1;
    }
}
