using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Pricing.Grains;

namespace Pricing.Integration.Tests.Support;

/// <summary>
/// A real silo as a separate process: <c>dotnet src/Silo/bin/{Configuration}/net10.0/Pricing.Silo.dll</c>
/// with its settings in environment variables. Its output goes to a log file kept as a test
/// artifact (every start appends, under a banner) and stays searchable in memory. It can be killed
/// (SIGKILL), terminated (SIGTERM), paused (SIGSTOP) and resumed (SIGCONT), and restarted on the
/// same port.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Action<string> _log;
    private readonly Lock _outputGate = new();
    private readonly List<string> _lines = [];
    private readonly StreamWriter _logFile;
    private Process? _process;
    private bool _paused;
    private bool _closed;

    public SiloProcess(string siloId, IReadOnlyDictionary<string, string> environment, string logPath, Action<string> log)
    {
        SiloId = siloId;
        _environment = environment;
        _log = log;
        LogPath = logPath;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        Api = new SiloApi(BaseAddress);
        _logFile = new StreamWriter(logPath, append: true, new UTF8Encoding(false)) { AutoFlush = true };
    }

    /// <summary>The silo's dll in the tests' own build configuration.</summary>
    public static string DllPath { get; } = Path.Combine(
        RepositoryRoot.Path, "src", "Silo", "bin", BuildConfiguration, "net10.0", "Pricing.Silo.dll");

    public string SiloId { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public SiloApi Api { get; }

    public string LogPath { get; }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    private static string BuildConfiguration =>
        typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BuildConfiguration")?.Value
        ?? throw new InvalidOperationException("The test assembly lacks its BuildConfiguration metadata.");

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Silo {SiloId} is already running (pid {Pid}).");
        }

        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException($"The silo is not built: {DllPath} is missing (build Pricing.sln in the tests' configuration).", DllPath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // appsettings.json (logging format) is read from the content root, the working directory.
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
        };
        start.ArgumentList.Add(DllPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");

        // Nothing from the developer's shell (a sourced .local/env.sh, say) may leak into the silo.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Pricing__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        Starts++;
        Append($"===== start #{Starts} of silo {SiloId} on port {Port} at {DateTimeOffset.UtcNow:O} =====");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start silo {SiloId}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _paused = false;
        _log($"silo {SiloId}: started #{Starts}, pid {process.Id}, {BaseAddress} (log {LogPath})");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        var process = Running("kill");
        NativeMethods.Signal(process.Id, NativeMethods.SigKill);
        await WaitForExitAsync(process, TimeSpan.FromSeconds(30));
        _log($"silo {SiloId}: SIGKILLed (pid {process.Id})");
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful stop.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        var process = Running("terminate");
        var clock = Stopwatch.StartNew();
        NativeMethods.Signal(process.Id, NativeMethods.SigTerm);
        await WaitForExitAsync(process, timeout ?? TimeSpan.FromSeconds(60));
        _log($"silo {SiloId}: exited {process.ExitCode} {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM");
        return process.ExitCode;
    }

    /// <summary>SIGSTOP: the process freezes (sockets stay open) until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        var process = Running("pause");
        NativeMethods.Signal(process.Id, NativeMethods.SigStop);
        _paused = true;
        _log($"silo {SiloId}: SIGSTOPped (pid {process.Id})");
    }

    /// <summary>SIGCONT.</summary>
    public void Resume()
    {
        var process = Running("resume");
        NativeMethods.Signal(process.Id, NativeMethods.SigCont);
        _paused = false;
        _log($"silo {SiloId}: SIGCONTinued (pid {process.Id})");
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails early if the process exits.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.ValueAsync(
            $"silo {SiloId} is ready (GET /health/ready = 200)",
            timeout,
            async () =>
            {
                if (!IsRunning)
                {
                    throw new Xunit.Sdk.XunitException($"Silo {SiloId} exited with code {_process?.ExitCode} before it was ready. Log: {LogPath}\n{Tail(40)}");
                }

                return await Api.GetReadinessAsync();
            },
            r => r is { Ready: true },
            r => r is { } answer ? answer.Body : "no answer");
        _log($"silo {SiloId}: ready {clock.Elapsed.TotalSeconds:0.0} s after the wait began");
    }

    /// <summary>
    /// The local ports of the process's TCP sockets (its sockets' inodes under /proc/PID/fd, looked
    /// up in /proc/net/tcp and tcp6); works on a stopped process too. Tells its database sessions
    /// apart in <c>pg_stat_activity.client_port</c>.
    /// </summary>
    public IReadOnlySet<int> LocalTcpPorts()
    {
        var pid = Pid ?? throw new InvalidOperationException($"Silo {SiloId} is not running.");
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && inodes.Contains(columns[9]))
                {
                    ports.Add(int.Parse(columns[1][(columns[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }

    /// <summary>This silo's own status from <c>/api/v1/cluster</c>.</summary>
    public Task<SiloStatus> GetStatusAsync() => Api.GetOwnStatusAsync(SiloId);

    public bool LogContains(string text)
    {
        lock (_outputGate)
        {
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    public IReadOnlyList<string> LogLines(Func<string, bool> predicate)
    {
        lock (_outputGate)
        {
            return [.. _lines.Where(predicate)];
        }
    }

    public string Tail(int count)
    {
        lock (_outputGate)
        {
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // SIGKILL also ends a stopped process; nothing of a test may outlive it.
            NativeMethods.Signal(process.Id, NativeMethods.SigKill);
            await WaitForExitAsync(process, TimeSpan.FromSeconds(30));
            _log($"silo {SiloId}: killed at clean-up{(_paused ? " (it was paused)" : string.Empty)}");
        }

        _process?.Dispose();
        Api.Dispose();
        lock (_outputGate)
        {
            _closed = true;
            _logFile.Dispose();
        }
    }

    private Process Running(string action) =>
        _process is { HasExited: false } process
            ? process
            : throw new InvalidOperationException($"Cannot {action} silo {SiloId}: it is not running.");

    private async Task WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Also waits until the redirected output is read to its end.
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Silo {SiloId} (pid {process.Id}) did not exit within {timeout.TotalSeconds:0} s. Log: {LogPath}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            if (!_closed)
            {
                _lines.Add(line);
                _logFile.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"silo {SiloId} ({BaseAddress}, pid {Pid?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
}
