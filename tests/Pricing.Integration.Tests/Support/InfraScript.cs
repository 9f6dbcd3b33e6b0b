using System.Diagnostics;

namespace Pricing.Integration.Tests.Support;

/// <summary>Runs deploy/local/infra.sh; a failure throws with everything the script printed.</summary>
internal static class InfraScript
{
    public static string ScriptPath => Path.Combine(RepositoryRoot.Path, "deploy", "local", "infra.sh");

    public static async Task<string> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(ScriptPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = $"deploy/local/infra.sh {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{command}` did not finish within {timeout.TotalSeconds:0} s.");
        }

        var output = $"{await stdout}{await stderr}".TrimEnd();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed with exit code {process.ExitCode}:\n{output}");
        }

        return output;
    }
}
