using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using StackExchange.Redis;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// One test's own slice of the shared servers: a fresh topic <c>t-{id}</c> (8 partitions) and its
/// dead-letter topic <c>t-{id}.dlq</c> (1), a fresh database <c>pricing_{id}</c>, the Redis key
/// prefix <c>pricing:{id}:</c> and the consumer group <c>g-{id}</c>. It starts silo processes
/// wired to that slice, logs the test's steps with timings (to the test output and to
/// <c>test.log</c> among the artifacts), and on disposal kills every silo it started and removes
/// the topics, the database and the keys, whether the test passed or not.
/// </summary>
internal sealed class IsolatedCluster : IAsyncDisposable
{
    public const int Partitions = 8;

    private readonly ITestOutputHelper _output;
    private readonly StreamWriter _testLog;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<SiloProcess> _silos = [];
    private readonly Lock _logGate = new();

    private IsolatedCluster(ClusterFixture fixture, ITestOutputHelper output, string testName, string id)
    {
        _output = output;
        Servers = fixture.Servers;
        Id = id;
        ArtifactsDirectory = Path.Combine(fixture.ArtifactsDirectory, $"{testName}-{id}");
        Directory.CreateDirectory(ArtifactsDirectory);
        _testLog = new StreamWriter(Path.Combine(ArtifactsDirectory, "test.log"), append: false, new UTF8Encoding(false)) { AutoFlush = true };
        Db = NpgsqlDataSource.Create(Servers.PostgresConnectionString(Database));
    }

    public LocalServers Servers { get; }

    public string Id { get; }

    public string Topic => $"t-{Id}";

    public string DeadLetterTopic => $"t-{Id}.dlq";

    public string Database => $"pricing_{Id}";

    public string RedisPrefix => $"pricing:{Id}:";

    public string GroupId => $"g-{Id}";

    public string ArtifactsDirectory { get; }

    /// <summary>The test's database (the silos' state and history).</summary>
    public NpgsqlDataSource Db { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public static async Task<IsolatedCluster> CreateAsync(ClusterFixture fixture, ITestOutputHelper output, string testName)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var cluster = new IsolatedCluster(fixture, output, testName, id);
        try
        {
            cluster.Log($"test {testName}: id {id}, artifacts {cluster.ArtifactsDirectory} (infra.sh up took {fixture.UpTime.TotalSeconds:0.0} s)");
            await InfraScript.RunAsync(TimeSpan.FromMinutes(2), "topic", cluster.Topic, Partitions.ToString(CultureInfo.InvariantCulture));
            await InfraScript.RunAsync(TimeSpan.FromMinutes(2), "topic", cluster.DeadLetterTopic, "1");
            await using (var admin = await OpenAdminAsync(fixture.Servers))
            {
                await using var create = new NpgsqlCommand($"create database \"{cluster.Database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            cluster.Log($"topics {cluster.Topic} ({Partitions}) and {cluster.DeadLetterTopic} (1), database {cluster.Database}, Redis prefix {cluster.RedisPrefix}, group {cluster.GroupId}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A silo wired to this test's slice (not started). <paramref name="settings"/> add or override environment variables.</summary>
    public SiloProcess CreateSilo(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloId = $"{name}-{Id}";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Pricing__Mode"] = "Cluster",
            ["Pricing__SiloId"] = siloId,
            ["Pricing__Kafka__BootstrapServers"] = Servers.KafkaBootstrapServers,
            ["Pricing__Kafka__Topic"] = Topic,
            ["Pricing__Kafka__DeadLetterTopic"] = DeadLetterTopic,
            ["Pricing__Kafka__GroupId"] = GroupId,
            ["Pricing__Kafka__CheckpointInterval"] = "00:00:00.5",
            // What appsettings.LocalCluster.json sets for the local Kafka 0.9.
            ["Pricing__Kafka__Settings__session.timeout.ms"] = "10000",
            ["Pricing__Kafka__Settings__heartbeat.interval.ms"] = "1000",
            ["Pricing__Postgres__ConnectionString"] = Servers.PostgresConnectionString(Database),
            ["Pricing__Redis__Configuration"] = Servers.RedisConfiguration,
            ["Pricing__Redis__KeyPrefix"] = RedisPrefix,
            // Membership renewed every second, so /cluster shows a new silo at once.
            ["Pricing__Redis__HeartbeatInterval"] = "00:00:01",
        };
        foreach (var (key, value) in LocalServers.KafkaClientSettings)
        {
            environment[$"Pricing__Kafka__Settings__{key}"] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var silo = new SiloProcess(siloId, environment, Path.Combine(ArtifactsDirectory, $"silo-{name}.log"), Log);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Writes a step to the test output and the test's log, stamped with the time since the test began.</summary>
    public void Log(string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0.0}s] {message}");
        lock (_logGate)
        {
            _testLog.WriteLine(line);
            try
            {
                _output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test is over (a late message from clean-up); the file has it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await Quietly($"stop silo {silo.SiloId}", () => silo.DisposeAsync().AsTask());
        }

        await Db.DisposeAsync();
        await Quietly($"drop database {Database}", async () =>
        {
            await using var admin = await OpenAdminAsync(Servers);
            await using var drop = new NpgsqlCommand($"drop database if exists \"{Database}\" with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        });
        await Quietly($"delete topic {Topic}", () => InfraScript.RunAsync(TimeSpan.FromMinutes(2), "delete-topic", Topic));
        await Quietly($"delete topic {DeadLetterTopic}", () => InfraScript.RunAsync(TimeSpan.FromMinutes(2), "delete-topic", DeadLetterTopic));
        await Quietly($"delete Redis keys {RedisPrefix}*", DeleteRedisKeysAsync);
        Log($"cleaned up; silo logs and expected results are in {ArtifactsDirectory}");
        lock (_logGate)
        {
            _testLog.Dispose();
        }
    }

    /// <summary>The database sessions of this test (for diagnostics): who is in a transaction, who waits for whom.</summary>
    public async Task<string> DescribeSessionsAsync()
    {
        await using var admin = await OpenAdminAsync(Servers);
        await using var command = new NpgsqlCommand(
            """
            select pid, state, coalesce(wait_event_type || '/' || wait_event, '-'), pg_blocking_pids(pid),
                   extract(epoch from now() - xact_start)::int, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
            from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'
            order by xact_start
            """, admin);
        command.Parameters.Add(new NpgsqlParameter { Value = Database });
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var blockedBy = (int[])reader.GetValue(3);
            lines.Add($"  pid {reader.GetInt32(0)} {reader.GetString(1)}, waits {reader.GetString(2)}{(blockedBy.Length > 0 ? $" blocked by {string.Join(',', blockedBy)}" : string.Empty)}, transaction {(reader.IsDBNull(4) ? "-" : $"{reader.GetInt32(4)} s")} old: {reader.GetString(5)}");
        }

        return lines.Count == 0 ? "  no busy sessions" : string.Join('\n', lines);
    }

    /// <summary>The field names of a symbol's last-value hash in Redis (for diagnostics).</summary>
    public async Task<string> DescribeRedisEntryAsync(string symbol)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"{Servers.RedisConfiguration},abortConnect=false,syncTimeout=15000");
        var database = redis.GetDatabase();
        var fields = await database.HashGetAllAsync($"{RedisPrefix}symbol:{symbol}");
        var listed = await database.SetContainsAsync($"{RedisPrefix}symbols", symbol);
        var sequence = fields.FirstOrDefault(f => f.Name == "sequence").Value;
        var silo = fields.FirstOrDefault(f => f.Name == "silo").Value;
        return $"Redis: {(listed ? "in" : "not in")} the symbol set, hash fields [{string.Join(',', fields.Select(f => (string)f.Name!))}], sequence {sequence}, written by {silo}";
    }

    private async Task DeleteRedisKeysAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"{Servers.RedisConfiguration},allowAdmin=true,abortConnect=false,syncTimeout=15000");
        var server = redis.GetServer(Servers.RedisConfiguration);
        var keys = server.Keys(pattern: RedisPrefix + "*", pageSize: 1000).ToArray();
        if (keys.Length > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync(keys);
        }
    }

    /// <summary>Clean-up must not hide the test's own failure: a failing step is logged, not thrown.</summary>
    private async Task Quietly(string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            Log($"clean-up: {step} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task<NpgsqlConnection> OpenAdminAsync(LocalServers servers)
    {
        var connection = new NpgsqlConnection(servers.PostgresConnectionString("pricing") + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
