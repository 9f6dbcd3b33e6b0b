using System.Diagnostics;
using System.Text;

namespace Pricing.Deploy.Tests.Support;

/// <summary>Runs a command to its end with a deadline; the outcome keeps both streams.</summary>
internal sealed record ProcessRun(string Command, int ExitCode, string Output, string Error)
{
    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? input = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = $"{fileName} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new ProcessRun(command, process.ExitCode, await output, await error);
    }

    /// <summary>Throws with the command's output unless it exited 0.</summary>
    public ProcessRun EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            var message = new StringBuilder().Append(Command).Append(" exited ").Append(ExitCode).AppendLine(":").AppendLine(Error).Append(Output);
            throw new InvalidOperationException(message.ToString());
        }

        return this;
    }
}
