using System.Diagnostics;
using Npgsql;

namespace Pricing.IngestBench;

/// <summary>
/// Times a silo's ingest from the outside: from the first trade row in PostgreSQL to the last
/// (all ticks applied, history written, state persisted). Polls the trades table.
/// </summary>
internal static class DrainTimer
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.GetLong("count");
        await using var dataSource = NpgsqlDataSource.Create(args.Get("connection"));
        var clock = new Stopwatch();
        long written = 0;
        var deadline = Stopwatch.StartNew();
        while (written < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.Error.WriteLine($"gave up: {written} of {count} trades written");
                return 1;
            }

            await Task.Delay(50);
            try
            {
                await using var command = dataSource.CreateCommand("select count(*) from trades");
                written = (long)(await command.ExecuteScalarAsync())!;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The silo has not migrated the schema yet.
                continue;
            }

            if (written > 0 && !clock.IsRunning)
            {
                clock.Start();
            }
        }

        clock.Stop();
        Console.WriteLine($"{{\"trades\":{written},\"seconds\":{clock.Elapsed.TotalSeconds:0.000},\"perSecond\":{written / clock.Elapsed.TotalSeconds:0}}}");
        return 0;
    }
}
