using Microsoft.Extensions.Logging;

namespace Pricing.Silo.Tests.Support;

/// <summary>
/// One real silo, started with <see cref="SiloSettings.Defaults"/>, shared by the tests that only
/// read from it. Ready once every configured symbol has traded. On disposal it checks the whole
/// run's log: a silo that logged an error fails the collection.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime, IDisposable
{
    private SiloFactory? _factory;
    private HttpClient? _http;

    public SiloFactory Factory => _factory ?? throw new InvalidOperationException("The silo is not started.");

    /// <summary>HTTP over a real socket to the silo's Kestrel.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The silo is not started.");

    public async Task InitializeAsync()
    {
        _factory = new SiloFactory();
        await _factory.StartAsync();
        _http = _factory.CreateClient();
        _http.Timeout = TimeSpan.FromSeconds(15);
        await Eventually.ValueAsync(
            () => _http.GetOkAsync<SymbolSummary[]>("api/v1/symbols"),
            symbols => symbols.Length == SiloSettings.Symbols.Count,
            "every configured symbol has traded");
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        // Rejected hub calls are logged as errors by SignalR itself; HubErrorLogTests shows that
        // on its own, so they are not counted twice here.
        var errors = _factory.Log.AtLeast(LogLevel.Error).Where(e => !HubErrorLog.IsRejectedCall(e)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The shared silo logged {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    // xunit calls DisposeAsync; this only satisfies the analyzer and is safe to call again.
    public void Dispose()
    {
        _http?.Dispose();
        _factory?.Dispose();
    }
}

/// <summary>The tests that share <see cref="SiloFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "Shared silo";
}
