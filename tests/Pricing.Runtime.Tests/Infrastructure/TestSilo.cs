using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pricing.Runtime.Tests.Infrastructure;

/// <summary>
/// A real host running the grain runtime with the test grains: built with
/// <c>Host.CreateApplicationBuilder()</c>, so the hosted service and the options
/// validation run as they do in the silo.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider? _time;
    private Task? _stopping;

    private TestSilo(IHost host, ManualTimeProvider? time, LogCollector logs)
    {
        Host = host;
        _time = time;
        Logs = logs;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public LogCollector Logs { get; }

    /// <summary>The manual clock; only for silos started with one.</summary>
    public ManualTimeProvider Time => _time ?? throw new InvalidOperationException("This silo runs on the system clock.");

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IGrainManagement Management => Services.GetRequiredService<IGrainManagement>();

    public GrainProbe Probe => Services.GetRequiredService<GrainProbe>();

    public MemoryGrainStorage Storage =>
        (MemoryGrainStorage)Services.GetRequiredKeyedService<IGrainStorage>(StorageProviderAttribute.DefaultProviderName);

    public CountingGrainStorage StorageCalls => Services.GetRequiredKeyedService<CountingGrainStorage>(CountingGrainStorage.Name);

    /// <summary>Builds the host: runtime settings from <paramref name="settings"/> (keys relative to Pricing:Runtime).</summary>
    public static HostApplicationBuilder CreateBuilder(
        IReadOnlyDictionary<string, string?>? settings = null,
        ManualTimeProvider? time = null,
        LogCollector? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(
            (settings ?? new Dictionary<string, string?>()).Select(s => KeyValuePair.Create($"{GrainRuntimeOptions.SectionName}:{s.Key}", s.Value)));
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs ?? new LogCollector());
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Services.AddGrainRuntime();
        builder.Services.AddTestGrains();
        return builder;
    }

    public static async Task<TestSilo> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, ManualTimeProvider? time = null)
    {
        var logs = new LogCollector();
        var host = CreateBuilder(settings, time, logs).Build();
        await host.StartAsync().WaitAsync(StopDeadline);
        return new TestSilo(host, time, logs);
    }

    /// <summary>
    /// Starts a silo on a manual clock, so idle collection and timers move only when the test says.
    /// Returns once the idle collector has armed its timer (the hosted service starts it in the
    /// background), so that the first Advance already counts for collection.
    /// </summary>
    public static async Task<TestSilo> StartWithManualClockAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new ManualTimeProvider();
        var silo = await StartAsync(settings, time);
        await Eventually.TrueAsync(() => time.ScheduledTimerCount >= 1, because: "the idle collector's timer is armed");
        return silo;
    }

    public T Get<T>(string key) where T : IGrainWithStringKey => Grains.GetGrain<T>(key);

    /// <summary>Stops the host gracefully: the runtime deactivates every activation.</summary>
    public Task StopAsync() => StopAsync(StopDeadline);

    /// <summary>
    /// Stops the host with a shutdown budget (the token the host passes to its services); waits for
    /// the stop a little longer than the budget, so that a stop which ignores it fails the test.
    /// </summary>
    public Task StopAsync(TimeSpan budget)
    {
        _stopping ??= StopHostAsync(budget);
        return _stopping.WaitAsync(budget + TimeSpan.FromSeconds(2));
    }

    private async Task StopHostAsync(TimeSpan budget)
    {
        using var deadline = new CancellationTokenSource(budget);
        await Host.StopAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever a test left blocked must go on, or the graceful stop would wait for it.
        Probe.ReleaseAll();
        try
        {
            _stopping ??= StopHostAsync(StopDeadline);
            await _stopping.WaitAsync(StopDeadline);
        }
        catch (OperationCanceledException)
        {
            // A stop that ran out of budget is the test's finding (the test saw it); disposal goes on.
        }
        finally
        {
            if (Host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                Host.Dispose();
            }
        }
    }
}
