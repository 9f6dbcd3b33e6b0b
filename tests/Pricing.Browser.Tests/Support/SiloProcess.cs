using System.Diagnostics;
using System.Text;

namespace Pricing.Browser.Tests.Support;

/// <summary>
/// The real silo as a separate process (<c>dotnet Pricing.Silo.dll</c>) in embedded mode on a
/// loopback port, in the Production environment, ready once <c>/health/ready</c> answers 200.
/// Its output goes to a log file among the test artifacts.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly SiloSettings _settings;
    private readonly string _name;
    private readonly HttpClient _http;
    private readonly object _logLock = new();
    private readonly StringBuilder _recentOutput = new();
    private Process? _process;
    private StreamWriter? _log;
    private int _starts;

    private SiloProcess(SiloSettings settings, string name, int port)
    {
        _settings = settings;
        _name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http => _http;

    public static async Task<SiloProcess> StartAsync(SiloSettings settings, string name)
    {
        var silo = new SiloProcess(settings, name, FreePort.Next());
        await silo.StartProcessAsync();
        return silo;
    }

    /// <summary>Kills the process (SIGKILL: no goodbye to the browsers) and starts a new one on the same port.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartProcessAsync();
    }

    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _http.Dispose();
        await (_log?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private async Task StartProcessAsync()
    {
        var assembly = TestPaths.SiloAssembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The silo is not built at {assembly}: build the solution (dotnet build Pricing.sln) first.");
        }

        _log ??= new StreamWriter(TestPaths.Artifact($"silo-{_name}.log"), append: false) { AutoFlush = true };
        _starts++;
        WriteLog($"==> start #{_starts}: port {Port}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var argument in _settings.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it was ready:\n{RecentOutput()}");
            }

            try
            {
                using var response = await _http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo was not ready within {StartTimeout.TotalSeconds} s:\n{RecentOutput()}");
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
            _recentOutput.AppendLine(line);
            if (_recentOutput.Length > 20_000)
            {
                _recentOutput.Remove(0, _recentOutput.Length - 10_000);
            }
        }
    }

    private string RecentOutput()
    {
        lock (_logLock)
        {
            return _recentOutput.ToString();
        }
    }
}
