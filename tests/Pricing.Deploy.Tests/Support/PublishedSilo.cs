using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pricing.Deploy.Tests.Support;

/// <summary>
/// The silo published to a temporary folder, as the Dockerfile's build stage publishes it, and
/// started from there as the image's ENTRYPOINT starts it: <c>dotnet Pricing.Silo.dll</c> in the
/// publish folder, with the image's environment. Publishing uses the existing build output
/// (<c>--no-build</c>): other test assemblies run silos from the same bin folder meanwhile.
/// </summary>
public sealed class PublishedSilo : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pricing-publish-{Guid.NewGuid():N}");

    public string Folder => Path.Combine(_root, "app");

    public async Task InitializeAsync()
    {
        var publish = await ProcessRun.RunAsync(
            "dotnet",
            ["publish", Repository.Path("src", "Silo", "Pricing.Silo.csproj"), "-c", Repository.BuildConfiguration, "--no-build", "-o", Folder, "-p:UseAppHost=false", "-nologo"],
            TimeSpan.FromMinutes(5));
        publish.EnsureSuccess();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Starts the published silo with these environment variables (and nothing of the test runner's Pricing__/ASPNETCORE_ settings).</summary>
    public SiloRun Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, Image.ImageFacts.SiloDll));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Pricing__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k is "DOTNET_ENVIRONMENT" or "Urls").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new SiloRun(Process.Start(start) ?? throw new InvalidOperationException("Could not start the published silo."));
    }

    /// <summary>A port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A running published silo: its output, SIGTERM, and its exit.</summary>
public sealed class SiloRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    internal SiloRun(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGTERM, as the kubelet or Docker sends it, through kill(1).</summary>
    public async Task TerminateAsync() =>
        (await ProcessRun.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10))).EnsureSuccess();

    /// <summary>Waits for the exit and returns its code; fails with the output after the deadline.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
