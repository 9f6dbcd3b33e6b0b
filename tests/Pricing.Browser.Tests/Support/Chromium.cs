namespace Pricing.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. The tests never download a browser (that fails on
/// these machines); without /usr/bin/chromium they fail and say how to install it.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _userData;

    private Chromium(IPlaywright playwright, IBrowserContext context, DirectoryInfo userData, string marker)
    {
        _playwright = playwright;
        Context = context;
        _userData = userData;
        Marker = marker;
    }

    public IBrowserContext Context { get; }

    /// <summary>A switch on this browser's command line that finds its processes (see <see cref="RendererCpu"/>).</summary>
    public string Marker { get; }

    /// <summary>Starts Chromium with a fresh profile; desktop size, colours following a dark OS.</summary>
    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the browser tests need it. Install it with: apt-get install -y chromium");
        }

        var userData = Directory.CreateTempSubdirectory("pricing-chromium-");
        var marker = $"--pricing-test-browser={Guid.NewGuid():N}";
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(userData.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. Arguments, marker],
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                ColorScheme = ColorScheme.Dark,
                Locale = "en-US",
                TimezoneId = "Europe/Berlin",
            });
            return new Chromium(playwright, context, userData, marker);
        }
        catch
        {
            playwright.Dispose();
            userData.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            _userData.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing to its profile while it exits; it is a temp folder.
        }
    }
}
