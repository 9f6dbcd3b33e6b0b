namespace Pricing.Browser.Tests.Support;

/// <summary>One silo (embedded mode, seeded market) and one Chromium, shared by the dashboard tests.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private SiloProcess? _silo;
    private Chromium? _chromium;

    internal SiloProcess Silo => _silo ?? throw new InvalidOperationException("Not started.");

    internal Chromium Chromium => _chromium ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _chromium = await Chromium.LaunchAsync();
        _silo = await SiloProcess.StartAsync(SiloSettings.ForTests, "dashboard");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
